using System.Diagnostics;
using Newcomers.Contracts.V1;

namespace Newcomers.Benchmarks;

/// <summary>Records into a host through its gRPC API, as the benchmarks load a region: each call timed.</summary>
public static class ApiLoad
{
    /// <summary>One provider for each municipality of the opportunities (<see cref="BenchRegion.ProviderOf"/>).</summary>
    public static async Task ProvidersAsync(OpportunityService.OpportunityServiceClient client, IEnumerable<Opportunity> opportunities)
    {
        foreach (var municipality in opportunities.Select(o => o.MunicipalityCode).Distinct())
            await ProviderAsync(client, BenchRegion.ProviderOf(municipality), municipality);
    }

    public static Task ProviderAsync(OpportunityService.OpportunityServiceClient client, string providerId, string municipality) =>
        client.CreateProviderAsync(new CreateProviderRequest { ProviderId = providerId,
            Provider = new Provider { Name = $"Bench {providerId}", Kind = ProviderKind.Employer, MunicipalityCode = municipality } }).ResponseAsync;

    /// <summary>BatchCreateOpportunities in batches of the given size, each opportunity under its own id; seconds taken.</summary>
    public static async Task<double> BatchCreateAsync(OpportunityService.OpportunityServiceClient client, IEnumerable<Opportunity> opportunities, int batchSize = 500)
    {
        var clock = Stopwatch.StartNew();
        foreach (var batch in opportunities.Chunk(batchSize))
            await client.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { batch.Select(o => new CreateOpportunityRequest { Opportunity = o, OpportunityId = o.Id }) } });
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>CreateNewcomer for each, 16 calls at a time, each newcomer under its own id; seconds taken.</summary>
    public static async Task<double> CreateNewcomersAsync(ProfileService.ProfileServiceClient client, IEnumerable<Newcomer> newcomers)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(newcomers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, token) =>
            await client.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n, NewcomerId = n.Id }, cancellationToken: token));
        return clock.Elapsed.TotalSeconds;
    }
}
