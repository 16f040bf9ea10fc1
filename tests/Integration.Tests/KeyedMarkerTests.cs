using Grpc.Core;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Markers that stand for ids are keyed now; a data directory written before that still keeps its ids retired.</summary>
public sealed class KeyedMarkerTests
{
    [Fact]
    public async Task A_store_written_with_unkeyed_markers_keeps_its_retired_ids_retired()
    {
        var directory = RunningHost.NewDataDirectory();
        // What an older version left: the retired ids of an erased newcomer and a deleted provider and opportunity, by bare SHA-256.
        await using (var profiles = new SqliteDocumentStore(Path.Combine(directory, "profiles.db")))
            await profiles.CommitAsync(new ChangeSet().Claim("id:newcomers:" + Markers.Unkeyed("erased-long-ago"), "retired"));
        await using (var opportunities = new SqliteDocumentStore(Path.Combine(directory, "opportunities.db")))
            await opportunities.CommitAsync(new ChangeSet().Claim("id:providers:" + Markers.Unkeyed("closed-bakery"), "retired")
                .Claim("id:opportunities:" + Markers.Unkeyed("old-placement"), "retired"));

        var host = await RunningHost.StartAsync(directory);
        try
        {
            await CreatingWithOldIdsFailsAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
        await using var reopened = new SqliteDocumentStore(Path.Combine(directory, "profiles.db"));
        Assert.Null(await reopened.GetUniqueOwnerAsync("id:newcomers:" + Markers.Unkeyed("registered-today")));
        Assert.Equal("retired", await reopened.GetUniqueOwnerAsync("id:newcomers:" + Markers.Unkeyed("erased-long-ago")));
    }

    private static async Task CreatingWithOldIdsFailsAsync(RunningHost host)
    {

        await Expect.Status(StatusCode.AlreadyExists, () => host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { NewcomerId = "erased-long-ago", Newcomer = Build.Newcomer() }).ResponseAsync);
        await Expect.Status(StatusCode.AlreadyExists, () => host.Opportunities.CreateProviderAsync(new CreateProviderRequest { ProviderId = "closed-bakery", Provider = Build.Provider() }).ResponseAsync);
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { ProviderId = "new-bakery", Provider = Build.Provider() });
        await Expect.Status(StatusCode.AlreadyExists, () => host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { OpportunityId = "old-placement", Opportunity = Build.Placement(provider.Id) }).ResponseAsync);
        await Expect.Status(StatusCode.AlreadyExists, () => host.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest
        {
            Requests = { new CreateOpportunityRequest { OpportunityId = "old-placement", Opportunity = Build.Placement(provider.Id) } },
        }).ResponseAsync);

        // New ids are claimed under keyed markers only: the file holds no bare hash of them.
        var created = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { NewcomerId = "registered-today", Newcomer = Build.Newcomer() });
        await host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = created.Id });
        await Expect.Status(StatusCode.AlreadyExists, () => host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { NewcomerId = "registered-today", Newcomer = Build.Newcomer() }).ResponseAsync);
    }
}
