using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.Benchmarks;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Host;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

// Usage: dotnet run -c Release --project tests/Benchmarks [-- --seconds 10 --opportunities 50000 --newcomers 10000 --seed 42]
//        dotnet run -c Release --project tests/Benchmarks -- --distributed   (three processes, redis-server and the sidecar double)
var settings = Args(args);
int seconds = settings("seconds", 10), opportunityCount = settings("opportunities", 50000), newcomerCount = settings("newcomers", 10000), seed = settings("seed", 42);
var root = Newcomers.TestSupport.Repository.Root;
var region = BenchRegion.Ensure(Path.Combine(root, ".bench", $"region-{opportunityCount}-{newcomerCount}-{seed}"),
    Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", "gen_region.py")), opportunityCount, newcomerCount, seed);
Console.WriteLine($"# Benchmark ({Machine()})");
if (args.Contains("--distributed"))
{
    await Distributed.RunAsync(region, settings("distributed-opportunities", 50000), settings("distributed-newcomers", 10000), seconds);
    return;
}
Console.WriteLine($"region: {opportunityCount} opportunities, {newcomerCount} newcomers, seed {seed}\n");

// 1. Start-up of the host process with the demo region, until gRPC health says SERVING.
var cold = new List<double>();
var warm = new List<double>();
for (var run = 0; run < 3; run++)
{
    var data = Directory.CreateTempSubdirectory("bench-demo-").FullName;
    cold.Add(await TimeStartupAsync(data));
    warm.Add(await TimeStartupAsync(data));
}
Console.WriteLine($"host start to SERVING with the demo region: first start (seeding) median {Median(cold):0} ms, restart on its data median {Median(warm):0} ms");

// 2. Load the benchmark region through the API of an in-process host.
var app = StandaloneHost.Create(["--Hosting:GrpcPort=0", "--Hosting:HttpPort=0", "--Matching:BootstrapModel=false", $"--Storage:DataDirectory={Directory.CreateTempSubdirectory("bench-region-").FullName}",
    "--Logging:LogLevel:Default=Warning"]);
await app.StartAsync();
var token = LocalTokens.Mint(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value, "benchmark", Roles.Admin);
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
Console.WriteLine($"load through the API: {opportunities.Count / opportunitySeconds:0} opportunities/s (BatchCreateOpportunities of 500), " +
    $"{newcomers.Count / newcomerSeconds:0} newcomers/s (CreateNewcomer, 16 concurrent)");
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
Console.WriteLine($"resident memory with the region loaded (host and benchmark client in one process): {Process.GetCurrentProcess().WorkingSet64 / 1048576} MiB, managed heap {GC.GetTotalMemory(false) / 1048576} MiB");

// 3. RecommendOpportunities in process and over gRPC: first ranked by the heuristic, then by a learned model.
var recommender = app.Services.GetRequiredService<Recommender>();
var model = app.Services.GetRequiredService<MatchingReadModel>();
var entries = newcomers.Select(n => model.Newcomer(n.Id)!).ToArray();
await MeasureAsync("heuristic");
var trained = await TrainAsync();
Console.WriteLine($"training on {trained.TrainingPairs} simulated pairs ({trained.TrainingGroups} groups): {trained.TrainingSeconds:0.0} s; " +
    $"NDCG@10 model {trained.Evaluation.Model.NdcgAt10:0.000}, heuristic {trained.Evaluation.Heuristic.NdcgAt10:0.000}, random {trained.Evaluation.Random.NdcgAt10:0.000}");
await MeasureAsync($"model (heuristic shortlist of {app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MatchingOptions>>().Value.ModelShortlist}, re-ranked)");
ShortlistCost();
await app.StopAsync();
return;

async Task MeasureAsync(string ranking)
{
    var filter = new OpportunityFilter(new HashSet<string>(), false, 0);
    var random = new Random(7);
    for (var i = 0; i < 3000; i++) recommender.ForNewcomer(entries[random.Next(entries.Length)], MatchingReadModel.AllKinds, 20, filter);
    var inProcess = new List<double>();
    var eligible = new List<double>();
    var inReach = new List<double>();
    for (var i = 0; i < 5000; i++)
    {
        var newcomer = entries[random.Next(entries.Length)];
        var start = Stopwatch.GetTimestamp();
        var response = recommender.ForNewcomer(newcomer, MatchingReadModel.AllKinds, 20, filter);
        inProcess.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        eligible.Add(response.Eligible);
        inReach.Add(response.Considered - response.Removed.Where(c => c.Constraint is Constraint.OpenWithCapacity or Constraint.TravelDistance).Sum(c => c.Removed));
    }
    Console.WriteLine($"[{ranking}] RecommendOpportunities in process, top 20, 5000 requests: p50 {Percentile(inProcess, 50):0.000} ms, p99 {Percentile(inProcess, 99):0.000} ms, " +
        $"mean {inProcess.Average():0.000} ms; median open candidates within travel distance {Median(inReach):0}, median eligible after every constraint {Median(eligible):0}");

    for (var i = 0; i < 50; i++) await matchingClient.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomers[i].Id });
    var (perSecond, p50, p99) = await Measure.RecommendUnderLoadAsync(matchingClient, newcomers.Select(n => n.Id).ToList(), seconds);
    Console.WriteLine($"[{ranking}] RecommendOpportunities over gRPC, loopback, 16 concurrent, {seconds} s: {perSecond:0} requests/s, " +
        $"p50 {p50:0.00} ms, p99 {p99:0.00} ms (client and server share the machine; every response is logged as an impression)");
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
    var line = $"cost of the shortlist on 300 simulated requests of 2000 candidates: NDCG@10 {all:0.000} when the model ranks every candidate;";
    foreach (var size in new[] { 50, 100, 200 })
    {
        var cut = trainer.EvaluateScores(scored.SelectMany(g =>
        {
            var kept = g.OrderByDescending(x => x.Pair.HeuristicScore).Take(size).Select(x => x.Pair).ToHashSet();
            return g.Select(x => new RankingRow { Group = x.Group, Label = x.Pair.Label, Features = x.Features, Score = kept.Contains(x.Pair) ? 1000 + x.Score : x.Score - 1000 });
        })).Ndcg10;
        line += $" re-ranking the heuristic's top {size}: {cut:0.000} ({cut - all:+0.000;-0.000});";
    }
    Console.WriteLine(line.TrimEnd(';'));
}

async Task<double> TimeStartupAsync(string data)
{
    var (grpcPort, httpPort) = (FreePort(), FreePort());
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

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
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
