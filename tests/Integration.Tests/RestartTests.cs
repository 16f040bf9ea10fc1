using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_on_the_same_data_directory_keeps_every_acknowledged_write()
    {
        var data = RunningHost.NewDataDirectory();
        string newcomerId, placementId, matchId;
        await using (var first = await RunningHost.StartAsync(data))
        {
            var newcomer = await first.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            var provider = await first.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
            var placement = await first.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
            var match = await first.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "km" });
            await first.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
            await first.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
            await first.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = newcomer.Id, Consent = new Consent { Matching = true, ShareWithProviders = false } });
            (newcomerId, placementId, matchId) = (newcomer.Id, placement.Id, match.Id);
        }

        await using var second = await RunningHost.StartAsync(data);
        var reloaded = await second.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomerId });
        Assert.Equal(2, reloaded.Version);
        Assert.False(reloaded.Consent.ShareWithProviders);
        Assert.Equal("Taalstage bakkerij", (await second.Opportunities.GetOpportunityAsync(new GetOpportunityRequest { Id = placementId })).Title);
        Assert.Equal(MatchState.Accepted, (await second.Matching.GetMatchAsync(new GetMatchRequest { Id = matchId })).State);

        // The read model was rebuilt: the newcomer is matchable again and the place stays taken.
        var other = await second.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var recommended = await second.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = other.Id });
        Assert.DoesNotContain(recommended.Suggestions, s => s.OpportunityId == placementId);
        Assert.Equal(1, recommended.Removed.Single(c => c.Constraint == Constraint.OpenWithCapacity).Removed);
    }
}
