using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Unit.Tests.Matching;

public sealed class MatchLifecycleTests
{
    private static readonly Timestamp Now = Timestamp.FromDateTime(DateTime.UtcNow);

    private static Match Proposed() => new() { Id = "m", State = MatchState.Proposed };

    [Fact]
    public void Both_sides_must_accept_before_a_match_is_accepted()
    {
        var match = Proposed();
        MatchLifecycle.Respond(match, Party.Newcomer, true, EndReason.Unspecified, "", Now);
        Assert.Equal(MatchState.Proposed, match.State);
        MatchLifecycle.Respond(match, Party.Provider, true, EndReason.Unspecified, "", Now);
        Assert.Equal(MatchState.Accepted, match.State);
    }

    [Fact]
    public void A_decline_records_who_and_why()
    {
        var match = Proposed();
        MatchLifecycle.Respond(match, Party.Provider, false, EndReason.PlaceUnavailable, "geen begeleiding beschikbaar", Now);
        Assert.Equal((MatchState.Declined, Party.Provider, Response.Declined, EndReason.PlaceUnavailable, "geen begeleiding beschikbaar"), (match.State, match.DeclinedBy, match.ProviderResponse, match.ReasonCode, match.Reason));
    }

    [Theory]
    [InlineData(MatchState.Proposed, Outcome.Started)]
    [InlineData(MatchState.Proposed, Outcome.Completed)]
    [InlineData(MatchState.Accepted, Outcome.Completed)]
    [InlineData(MatchState.Declined, Outcome.Ended)]
    [InlineData(MatchState.Completed, Outcome.Ended)]
    public void Outcomes_follow_the_order_of_a_match(MatchState state, Outcome outcome)
    {
        var match = new Match { Id = "m", State = state };
        var error = Assert.Throws<RpcException>(() => MatchLifecycle.Record(match, outcome, 1, EndReason.Other, "x", Now));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(state, match.State);
    }

    [Fact]
    public void A_match_goes_from_accepted_to_started_to_completed_with_its_history()
    {
        var match = Proposed();
        MatchLifecycle.Respond(match, Party.Provider, true, EndReason.Unspecified, "", Now);
        MatchLifecycle.Respond(match, Party.Newcomer, true, EndReason.Unspecified, "", Now);
        MatchLifecycle.Record(match, Outcome.Started, 0, EndReason.Unspecified, "", Now);
        MatchLifecycle.Record(match, Outcome.Completed, 48, EndReason.Unspecified, "", Now);
        Assert.Equal([MatchState.Accepted, MatchState.Started, MatchState.Completed], match.History.Select(h => h.State));
        Assert.Equal(48, match.HoursCompleted);
        Assert.Throws<RpcException>(() => MatchLifecycle.Respond(match, Party.Provider, false, EndReason.NoFit, "", Now));
    }

    [Fact]
    public void The_top_list_keeps_the_best_in_order()
    {
        var top = new TopList<string>(3);
        foreach (var (score, id) in new[] { (0.5, "a"), (0.9, "b"), (0.1, "c"), (0.7, "d"), (0.9, "e") })
            top.Offer(score, 1, id, id);
        Assert.Equal(["b", "e", "d"], top.Items().Select(i => i.Item));
    }
}
