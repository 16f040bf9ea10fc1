using System.Diagnostics;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.TestSupport;

namespace Newcomers.Benchmarks;

/// <summary>
/// The distributed setup: three service processes, a redis-server with its append-only file fsynced
/// on every write, and the Dapr sidecar double. Measures how long an opportunity takes from being
/// posted to being recommendable, and RecommendOpportunities over gRPC at 16 concurrent clients.
/// </summary>
public static class Distributed
{
    public static async Task RunAsync(string region, int opportunityCount, int newcomerCount, int seconds, Report report)
    {
        await using var deployment = await DistributedDeployment.StartAsync();
        var auth = new AuthOptions { SigningKey = deployment.SigningKey };
        var (profiles, opportunities, matching, sidecar) = (deployment.Profiles, deployment.Opportunities, deployment.Matching, deployment.Sidecar);

        var token = LocalTokens.Mint(auth, "benchmark", Roles.Admin);
        using var toProfiles = BearerChannel.For(profiles.GrpcAddress, token);
        using var toOpportunities = BearerChannel.For(opportunities.GrpcAddress, token);
        using var toMatching = BearerChannel.For(matching.GrpcAddress, token);
        var opportunityClient = new OpportunityService.OpportunityServiceClient(toOpportunities);
        var profileClient = new ProfileService.ProfileServiceClient(toProfiles);
        var matchingClient = new MatchingService.MatchingServiceClient(toMatching);

        var loaded = BenchRegion.Opportunities(region).Take(opportunityCount).ToList();
        foreach (var municipality in loaded.Select(o => o.MunicipalityCode).Distinct())
            await opportunityClient.CreateProviderAsync(new CreateProviderRequest { ProviderId = BenchRegion.ProviderOf(municipality),
                Provider = new Provider { Name = $"Bench {municipality}", Kind = ProviderKind.Employer, MunicipalityCode = municipality } });
        foreach (var batch in loaded.Chunk(500))
            await opportunityClient.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { batch.Select(o => new CreateOpportunityRequest { Opportunity = o, OpportunityId = o.Id }) } });
        var newcomers = BenchRegion.Newcomers(region).Take(newcomerCount).ToList();
        await Parallel.ForEachAsync(newcomers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, ct) =>
            await profileClient.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n, NewcomerId = n.Id }, cancellationToken: ct));
        await sidecar.DrainAsync();

        // From posted to recommendable.
        var propagation = new List<double>();
        var template = loaded[0];
        for (var i = 0; i < 200; i++)
        {
            var posted = Stopwatch.StartNew();
            var created = await opportunityClient.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = new Opportunity(template) { Id = "" } });
            while (true)
            {
                try
                {
                    await matchingClient.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = created.Id, Limit = 1 });
                    break;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    await Task.Delay(1);
                }
            }
            propagation.Add(posted.Elapsed.TotalMilliseconds);
        }
        report.Add("from an opportunity posted to it being recommendable (event propagation, 200 times)", "report",
            $"p50 {Report.Ms(Measure.Percentile(propagation, 50))}, p99 {Report.Ms(Measure.Percentile(propagation, 99))}");

        var (perSecond, p50, p99) = await Measure.RecommendUnderLoadAsync(matchingClient, newcomers.Select(n => n.Id).ToList(), seconds);
        report.Add($"RecommendOpportunities over gRPC to the matching process, 16 concurrent clients, heuristic, {seconds} s ({Report.Thousands(opportunityCount)} opportunities, {Report.Thousands(newcomerCount)} newcomers)", "report",
            $"{Report.Thousands(perSecond)} req/s, p50 {Report.Ms(p50)}, p99 {Report.Ms(p99)} (client, three services, redis-server and the sidecar double share the machine)");
    }
}
