using Grpc.Core;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

public sealed class CapacityTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Two_hundred_concurrent_accepts_on_three_places_let_exactly_three_in()
    {
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var place = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id, capacity: 3) });
        var proposals = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            var newcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            var match = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = place.Id, CaseworkerId = "km" });
            return await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        }));

        using var start = new ManualResetEventSlim();
        var answers = proposals.Select(match => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(answers);

        Assert.Equal(3, outcomes.Count(s => s == StatusCode.OK));
        Assert.Equal(197, outcomes.Count(s => s == StatusCode.FailedPrecondition));
        var stored = await Host.Matching.ListMatchesAsync(new ListMatchesRequest { OpportunityId = place.Id, PageSize = 1000 });
        Assert.Equal(3, stored.Matches.Count(m => m.State == MatchState.Accepted));
        Assert.Equal(197, stored.Matches.Count(m => m.State == MatchState.Proposed));
    }

    [Fact]
    public async Task Provider_and_newcomer_accepting_at_once_both_count()
    {
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var place = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id, capacity: 50) });
        var matches = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var newcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            return await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = place.Id, CaseworkerId = "km" });
        }));

        // Both sides answer every match at the same moment, without a version: no answer may be lost.
        await Task.WhenAll(matches.SelectMany(m => new[] { Party.Provider, Party.Newcomer }.Select(party =>
            Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = m.Id, Party = party, Accept = true }).ResponseAsync)));

        foreach (var match in matches)
            Assert.Equal(MatchState.Accepted, (await Host.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id })).State);
    }
}
