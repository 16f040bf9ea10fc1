using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Host;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Benchmarks;

/// <summary>
/// One region in the standalone host, on a fresh data directory: loaded through the API of the host
/// as its own process (its resident set once settled), the host restarted on its data three times
/// (the read model's rebuild by its own log, start to SERVING, the resident set once settled), then
/// the host started in this process on the same data for RecommendOpportunities in process.
/// </summary>
public static class RegionScale
{
    private const int Restarts = 3;

    public static async Task<RegionFigures> MeasureAsync(string region)
    {
        var opportunities = BenchRegion.Opportunities(region).ToList();
        var newcomers = BenchRegion.Newcomers(region).ToList();
        var data = Directory.CreateTempSubdirectory("bench-scale-").FullName;
        var token = LocalTokens.Mint(HostProcess.Auth, "benchmark", Roles.Admin);
        double opportunitySeconds, newcomerSeconds;
        long loaded;
        await using (var host = await HostProcess.StartAsync(data))
        {
            using var channel = BearerChannel.For(host.GrpcAddress, token);
            var client = new OpportunityService.OpportunityServiceClient(channel);
            await ApiLoad.ProvidersAsync(client, opportunities);
            opportunitySeconds = await ApiLoad.BatchCreateAsync(client, opportunities);
            newcomerSeconds = await ApiLoad.CreateNewcomersAsync(new ProfileService.ProfileServiceClient(channel), newcomers);
            loaded = await host.SettledResidentAsync();
        }
        var storeBytes = new DirectoryInfo(data).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        System.Console.WriteLine($"loaded {opportunities.Count} opportunities in {opportunitySeconds:0.0} s, {newcomers.Count} newcomers in {newcomerSeconds:0.0} s; resident {loaded / 1048576} MiB");

        var (rebuilds, servings, residents) = (new List<double>(), new List<double>(), new List<double>());
        for (var restart = 0; restart < Restarts; restart++)
        {
            await using var host = await HostProcess.StartAsync(data);
            servings.Add(host.ToServingMs);
            rebuilds.Add(await host.RebuildMsAsync());
            residents.Add(await host.SettledResidentAsync());
            System.Console.WriteLine($"restart {restart + 1}: rebuilt in {rebuilds[^1]:0} ms, SERVING after {servings[^1]:0} ms, resident {residents[^1] / 1048576:0} MiB");
        }

        var recommendations = await RecommendInProcessAsync(data, newcomers, opportunities.Count);
        Directory.Delete(data, recursive: true);
        return new RegionFigures(opportunities.Count, newcomers.Count, opportunities.Select(o => o.MunicipalityCode).Distinct().Count(), opportunitySeconds, newcomerSeconds,
            loaded, (long)Measure.Percentile(residents, 50), Measure.Percentile(rebuilds, 50), Measure.Percentile(servings, 50), storeBytes, recommendations);
    }

    /// <summary>The host in this process on the region's data (read model rebuilt from its store), its recommender called directly.</summary>
    private static async Task<RecommendationFigures> RecommendInProcessAsync(string data, IEnumerable<Newcomer> newcomers, int opportunities)
    {
        var app = StandaloneHost.Create(["--Hosting:GrpcPort=0", "--Hosting:HttpPort=0", "--Matching:BootstrapModel=false", $"--Storage:DataDirectory={data}",
            "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var model = app.Services.GetRequiredService<MatchingReadModel>();
            if (model.OpportunityCount != opportunities) throw new InvalidOperationException($"the read model holds {model.OpportunityCount} opportunities, not {opportunities}");
            var entries = newcomers.Select(n => model.Newcomer(n.Id) ?? throw new InvalidOperationException($"newcomer {n.Id} is not in the read model")).ToArray();
            return InProcessRecommendations.Run(app.Services.GetRequiredService<Recommender>(), entries);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
