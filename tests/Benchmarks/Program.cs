using System.Diagnostics;
using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newcomers.Benchmarks;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Host;
using Newcomers.TestSupport;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

// Usage: dotnet run -c Release --project tests/Benchmarks [-- --seconds 10 --opportunities 50000 --newcomers 10000 --seed 42]
//        dotnet run -c Release --project tests/Benchmarks -- --distributed   (three processes, redis-server and the sidecar double)
//        dotnet run -c Release --project tests/Benchmarks -- --console       (only the console's pages, with the region loaded)
//        dotnet run -c Release --project tests/Benchmarks -- --cohort        (cohort assignment in process, the national cohort, the simulated cohort)
//        dotnet run -c Release --project tests/Benchmarks -- --national      (the dense and the national region side by side in host processes; the bulk RPCs)
//        dotnet run -c Release --project tests/Benchmarks -- --guidance      (GetPipGuidance against one recommendation, in process, the dense region)
//        dotnet run -c Release --project tests/Benchmarks -- --recommend-scale  (a quick check of the national recommendation goal, in process, printed only)
var settings = Args(args);
int seconds = settings("seconds", 10), opportunityCount = settings("opportunities", 50000), newcomerCount = settings("newcomers", 10000), seed = settings("seed", 42);
var root = Newcomers.TestSupport.Repository.Root;
var generator = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", "gen_region.py"));
var region = BenchRegion.Ensure(Path.Combine(root, ".bench", $"region-{opportunityCount}-{newcomerCount}-{seed}"), generator, opportunityCount, newcomerCount, seed);
Console.WriteLine($"# Benchmark ({Machine()})");
var performanceDoc = Path.Combine(root, "docs", "performance.md");
if (args.Contains("--cohort"))
{
    var national = BenchRegion.Ensure(Path.Combine(root, ".bench", "region-national-250000-100000-42"), generator, 250000, 100000, 42, national: true);
    var cohorts = new Report("cohort", Machine());
    CohortBenchmark.Run(region, national, cohorts);
    cohorts.WriteInto(performanceDoc);
    return;
}
if (args.Contains("--guidance"))
{
    var guidance = new Report("guidance", Machine());
    GuidanceBenchmark.Run(region, guidance, settings("warm-up", 1000), settings("requests", 3000));
    guidance.WriteInto(performanceDoc);
    return;
}
if (args.Contains("--recommend-scale"))
{
    RecommendationScale.Run(region, BenchRegion.Ensure(Path.Combine(root, ".bench", "region-national-250000-100000-42"), generator, 250000, 100000, 42, national: true));
    return;
}
if (args.Contains("--national"))
{
    var national = BenchRegion.Ensure(Path.Combine(root, ".bench", "region-national-250000-100000-42"), generator, 250000, 100000, 42, national: true);
    var scale = new Report("national", Machine());
    await NationalScale.RunAsync(region, national, scale);
    scale.WriteInto(performanceDoc);
    return;
}
if (args.Contains("--distributed"))
{
    var distributed = new Report("distributed", Machine());
    await Distributed.RunAsync(region, settings("distributed-opportunities", 50000), settings("distributed-newcomers", 10000), seconds, distributed);
    distributed.WriteInto(performanceDoc);
    return;
}
Console.WriteLine($"region: {opportunityCount} opportunities, {newcomerCount} newcomers, seed {seed}\n");
var report = new Report("standalone", Machine());

// 1. Start-up of the host process with the demo region, until gRPC health says SERVING.
var cold = new List<double>();
var warm = new List<double>();
for (var run = 0; run < 3; run++)
{
    var data = Directory.CreateTempSubdirectory("bench-demo-").FullName;
    cold.Add(await TimeStartupAsync(data));
    warm.Add(await TimeStartupAsync(data));
}
report.Add("host start to SERVING with the demo region (separate process, median of 3)", "≤ 5 s",
    $"{Median(cold) / 1000:0.0} s on a first start (seeding), {Median(warm) / 1000:0.0} s restarting on its data");

// 2. Load the benchmark region through the API of an in-process host.
var app = StandaloneHost.Create(["--Hosting:GrpcPort=0", "--Hosting:HttpPort=0", "--Matching:BootstrapModel=false", "--Demo:SignIn=true", $"--Storage:DataDirectory={Directory.CreateTempSubdirectory("bench-region-").FullName}",
    "--Logging:LogLevel:Default=Warning"]);
await app.StartAsync();
var token = LocalTokens.Mint(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value, "benchmark", Roles.Admin);
using var channel = BearerChannel.For(app.Urls.First(), token);
var opportunitiesClient = new OpportunityService.OpportunityServiceClient(channel);
var profilesClient = new ProfileService.ProfileServiceClient(channel);
var matchingClient = new MatchingService.MatchingServiceClient(channel);
var opportunities = BenchRegion.Opportunities(region).ToList();
foreach (var municipality in opportunities.Select(o => o.MunicipalityCode).Distinct())
    await opportunitiesClient.CreateProviderAsync(new CreateProviderRequest { ProviderId = BenchRegion.ProviderOf(municipality),
        Provider = new Provider { Name = $"Bench {municipality}", Kind = ProviderKind.Employer, MunicipalityCode = municipality } });
var clock = Stopwatch.StartNew();
foreach (var batch in opportunities.Chunk(500))
    await opportunitiesClient.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { batch.Select(o => new CreateOpportunityRequest { Opportunity = o, OpportunityId = o.Id }) } });
var opportunitySeconds = clock.Elapsed.TotalSeconds;
var newcomers = BenchRegion.Newcomers(region).ToList();
clock.Restart();
await Parallel.ForEachAsync(newcomers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, token) =>
    await profilesClient.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n, NewcomerId = n.Id }, cancellationToken: token));
var newcomerSeconds = clock.Elapsed.TotalSeconds;
report.Add("loading the region through the API, every commit fsynced", "report",
    $"{Report.Thousands(opportunities.Count / opportunitySeconds)} opportunities/s (BatchCreateOpportunities of 500); {Report.Thousands(newcomers.Count / newcomerSeconds)} newcomers/s (CreateNewcomer, 16 concurrent)");

// The console's pages against the gRPC calls they make (issue: at most twice their call's p50).
var consoleReport = new Report("console", Machine());
await ConsolePages.RunAsync(app.Urls.Last(), app.Urls.First(), app.Services.GetRequiredService<IOptions<AuthOptions>>().Value, newcomers, consoleReport);
consoleReport.WriteInto(performanceDoc);
if (args.Contains("--console")) return;
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
report.Add("resident memory with the benchmark region loaded", "report",
    $"{Process.GetCurrentProcess().WorkingSet64 / 1048576} MiB (host and benchmark client in one process; managed heap {GC.GetTotalMemory(false) / 1048576} MiB)");

// 3. RecommendOpportunities in process and over gRPC: first ranked by the heuristic, then by a learned model.
var recommender = app.Services.GetRequiredService<Recommender>();
var model = app.Services.GetRequiredService<MatchingReadModel>();
var entries = newcomers.Select(n => model.Newcomer(n.Id)!).ToArray();
var heuristic = await MeasureAsync("heuristic", "RecommendOpportunities in process, top 20, heuristic: p50 / p99");
await AuditCostAsync();
var trained = await TrainAsync();
report.Add($"training on {Report.Thousands(trained.TrainingPairs)} labelled pairs ({Report.Thousands(trained.TrainingGroups)} groups)", "≤ 60 s",
    $"{trained.TrainingSeconds:0.0} s; NDCG@10 model {trained.Evaluation.Model.NdcgAt10:0.000}, heuristic {trained.Evaluation.Heuristic.NdcgAt10:0.000}, random {trained.Evaluation.Random.NdcgAt10:0.000}");
var learned = await MeasureAsync("model", $"the same with the learned model (shortlist of {app.Services.GetRequiredService<IOptions<MatchingOptions>>().Value.ModelShortlist} re-ranked, reasons from the model)");
report.Add("the learned model's in-process recommendation against the heuristic's, same run", "≤ 2.5× at p50 and p99",
    $"{learned.P50 / heuristic.P50:0.0}× at p50, {learned.P99 / heuristic.P99:0.0}× at p99");
ShortlistCost();
// The same recommendation as one PostGIS query, measured on this kind of machine (shared/bench/README.md): p50 19.5 ms, p99 94 ms, 69 req/s at 16 clients.
foreach (var (ranking, figures) in new[] { ("heuristic", heuristic), ("learned model", learned) })
    report.Add($"against one PostGIS query per recommendation, {ranking}", "report",
        $"{19.5 / figures.P50:0}× faster in process at the median and {94 / figures.P99:0}× at p99; over gRPC {figures.PerSecond / 69:0}× the throughput, p99 {94 / figures.GrpcP99:0.0}× lower");
report.WriteInto(performanceDoc);
await app.StopAsync();
return;

async Task<(double P50, double P99, double PerSecond, double GrpcP99)> MeasureAsync(string ranking, string figure)
{
    var figures = InProcessRecommendations.Run(recommender, entries);
    var (p50, p99) = (figures.P50, figures.P99);
    report.Add(figure, "≤ 2 ms / ≤ 10 ms", $"{Report.Ms(p50)} / {Report.Ms(p99)} (mean {Report.Ms(figures.Mean)}; {Report.Thousands(figures.Requests)} requests; a median of {Report.Thousands(figures.MedianInReach)} open opportunities in reach, {Report.Thousands(figures.MedianEligible)} after every constraint)");

    for (var i = 0; i < 50; i++) await matchingClient.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomers[i].Id });
    var (perSecond, grpcP50, grpcP99) = await Measure.RecommendUnderLoadAsync(matchingClient, newcomers.Select(n => n.Id).ToList(), seconds);
    report.Add($"over gRPC, loopback, 16 concurrent clients, {ranking}, {seconds} s (tokens, impressions and the durable audit on)", ranking == "heuristic" ? "≥ 1,000 req/s, p99 ≤ 25 ms" : "",
        $"{Report.Thousands(perSecond)} req/s, p50 {Report.Ms(grpcP50)}, p99 {Report.Ms(grpcP99)}");
    return (p50, p99, perSecond, grpcP99);
}

// What the durable audit costs: gRPC throughput with answers waiting for their audit commit, against
// the audit queued as before (Audit:WaitForCommit=false, a setting for this measurement only); rounds alternate.
async Task AuditCostAsync()
{
    var audit = app.Services.GetRequiredService<IOptions<Newcomers.BuildingBlocks.Audit.AuditOptions>>().Value;
    var (durable, queued) = (new List<(double PerSecond, double P50, double P99)>(), new List<(double PerSecond, double P50, double P99)>());
    var ids = newcomers.Select(n => n.Id).ToList();
    for (var round = 0; round < 5; round++)
    {
        audit.WaitForCommit = true;
        durable.Add(await Measure.RecommendUnderLoadAsync(matchingClient, ids, 5));
        audit.WaitForCommit = false;
        queued.Add(await Measure.RecommendUnderLoadAsync(matchingClient, ids, 5));
    }
    audit.WaitForCommit = true;
    double Of(List<(double PerSecond, double P50, double P99)> runs, Func<(double PerSecond, double P50, double P99), double> figure) => Median(runs.Select(figure).ToList());
    report.Add("the durable audit against the audit queued (gRPC, heuristic, 16 clients, 5 alternating rounds of 5 s)", "≥ 0.9",
        $"{Of(durable, r => r.PerSecond) / Of(queued, r => r.PerSecond):0.00} ({Report.Thousands(Of(durable, r => r.PerSecond))} req/s, p99 {Report.Ms(Of(durable, r => r.P99))} durable; " +
        $"{Report.Thousands(Of(queued, r => r.PerSecond))} req/s, p99 {Report.Ms(Of(queued, r => r.P99))} queued; medians)");
}

async Task<ModelVersion> TrainAsync()
{
    using var call = matchingClient.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Seed = 42, Groups = 10_000 });
    ModelVersion? version = null;
    while (await call.ResponseStream.MoveNext(CancellationToken.None)) version = call.ResponseStream.Current.Model ?? version;
    return version!;
}

// What the shortlist costs: NDCG@10 when the model ranks every candidate of large simulated requests,
// against the model re-ranking only the heuristic's shortlist of them.
void ShortlistCost()
{
    var ranker = app.Services.GetRequiredService<CurrentRanker>().Model!;
    var groups = new OutcomeSimulator(seed: 99).Groups(300, candidatesPerGroup: 2000).ToList();
    var trainer = new RankingTrainer();
    var scored = groups.Select(g => g.Pairs.Select(p => (Group: (uint)g.Id, Pair: p, Features: FeatureVector.From(p.Features))).Select(x => (x.Group, x.Pair, x.Features, Score: (float)ranker.Score(x.Features))).ToList()).ToList();
    var all = trainer.EvaluateScores(scored.SelectMany(g => g.Select(x => new RankingRow { Group = x.Group, Label = x.Pair.Label, Features = x.Features, Score = x.Score }))).Ndcg10;
    var line = $"NDCG@10 {all:0.000} scoring every candidate;";
    foreach (var size in new[] { 50, 100, 200 })
    {
        var cut = trainer.EvaluateScores(scored.SelectMany(g =>
        {
            var kept = g.OrderByDescending(x => x.Pair.HeuristicScore).Take(size).Select(x => x.Pair).ToHashSet();
            return g.Select(x => new RankingRow { Group = x.Group, Label = x.Pair.Label, Features = x.Features, Score = kept.Contains(x.Pair) ? 1000 + x.Score : x.Score - 1000 });
        })).Ndcg10;
        line += $" re-ranking the heuristic's top {size}: {cut:0.000} ({Math.Round(cut - all, 3):+0.000;-0.000;±0.000});";
    }
    report.Add("what the shortlist costs (300 simulated requests of 2,000 candidates)", "report", line.TrimEnd(';'));
}

async Task<double> TimeStartupAsync(string data)
{
    var (grpcPort, httpPort) = (Ports.Free(), Ports.Free());
    var hostDll = typeof(StandaloneHost).Assembly.Location;
    var start = Stopwatch.StartNew();
    using var process = Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { hostDll, "--Demo:Seed=true", $"--Storage:DataDirectory={data}", $"--Hosting:GrpcPort={grpcPort}", $"--Hosting:HttpPort={httpPort}", "--Logging:LogLevel:Default=Warning" },
        RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(hostDll)!,
    })!;
    using var probe = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    var health = new Health.HealthClient(probe);
    while (start.Elapsed < TimeSpan.FromSeconds(60))
    {
        try
        {
            if ((await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving) break;
        }
        catch (Grpc.Core.RpcException)
        {
        }
        await Task.Delay(20);
    }
    var elapsed = start.Elapsed.TotalMilliseconds;
    process.Kill(entireProcessTree: true);
    await process.WaitForExitAsync();
    return elapsed;
}


static double Percentile(List<double> values, double percent) => Measure.Percentile(values, percent);

static double Median(List<double> values) => Percentile(values, 50);


static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : null;
    return $"{Environment.ProcessorCount} cores, {cpu ?? "unknown CPU"}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
}

static Func<string, int, int> Args(string[] args) => (name, fallback) =>
{
    var at = Array.IndexOf(args, $"--{name}");
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
};
