using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The first issue's scenario, the same against either deployment: the standalone host, or the three
/// service processes with Redis and the sidecar. Every party calls with its own role's token; what
/// travels by event is waited for (in one process it is there at once).
/// </summary>
public static class Scenario
{
    /// <summary>Clients for a caller: an admin (no scope), a caseworker of some municipalities, or a provider.</summary>
    public delegate Clients Parties(string role, string[]? municipalities = null, string[]? providers = null);

    /// <summary>Runs it; returns the newcomer who completed a placement.</summary>
    public static async Task<Newcomer> RunAsync(Parties @as)
    {
        // The admin registers the two organisations.
        using var admin = @as(Roles.Admin);
        var bakery = await admin.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var taalhuis = await admin.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider(ProviderKind.VolunteerOrganisation, "Taalhuis Soest") });
        using var caseworker = @as(Roles.Caseworker, municipalities: ["GM0342"]);
        using var baker = @as(Roles.Provider, providers: [bakery.Id]);
        using var volunteers = @as(Roles.Provider, providers: [taalhuis.Id]);

        // A caseworker registers a newcomer with a PIP; an Ondernemersladder member posts a placement;
        // a volunteer organisation posts a taalmaatje offer.
        var amina = await caseworker.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var placement = await baker.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id) });
        var buddy = await volunteers.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Buddy(taalhuis.Id) });

        // Recommendations list both, each with reasons in Dutch and English.
        var recommended = await Eventually.Async(() => caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = amina.Id }).ResponseAsync,
            r => r.Suggestions.Count == 2);
        Assert.Equal(new[] { buddy.Id, placement.Id }.Order(), recommended.Suggestions.Select(s => s.OpportunityId).Order());
        Assert.All(recommended.Suggestions, s =>
        {
            Assert.InRange(s.Reasons.Count, 2, 5);
            Assert.All(s.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.TextNl) || string.IsNullOrWhiteSpace(r.TextEn)));
        });
        var buddyReasons = recommended.Suggestions.Single(s => s.OpportunityId == buddy.Id).Reasons.Select(r => r.TextNl).ToList();
        Assert.Contains("spreekt Arabisch, net als het taalmaatje", buddyReasons);
        Assert.Contains(recommended.Suggestions.Single(s => s.OpportunityId == placement.Id).Reasons, r => r.TextNl.StartsWith("woont 1,0 km van de werkplek", StringComparison.Ordinal));
        Assert.Equal(2, recommended.Eligible);

        // A second newcomer is proposed for the same place before it is taken.
        var yonas = await caseworker.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var proposal = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = amina.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" });
        var competing = await Eventually.Async(() => caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = yonas.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" }).ResponseAsync);
        Assert.Equal(MatchState.Proposed, proposal.State);
        Assert.InRange(proposal.Reasons.Count, 2, 5);

        // Provider and newcomer accept: the place is taken.
        var half = await baker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = proposal.Id, Party = Party.Provider, Accept = true, Version = proposal.Version });
        Assert.Equal(MatchState.Proposed, half.State);
        var accepted = await caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = proposal.Id, Party = Party.Newcomer, Accept = true });
        Assert.Equal(MatchState.Accepted, accepted.State);

        // The second newcomer cannot take the full place, nor is it suggested any more.
        await baker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = competing.Id, Party = Party.Provider, Accept = true });
        var full = await Expect.Status(StatusCode.FailedPrecondition,
            () => caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = competing.Id, Party = Party.Newcomer, Accept = true }).ResponseAsync);
        Assert.Contains("no place left", full.Status.Detail);
        Assert.Equal(MatchState.Proposed, (await caseworker.Matching.GetMatchAsync(new GetMatchRequest { Id = competing.Id })).State);
        var forYonas = await Eventually.Async(() => caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = yonas.Id }).ResponseAsync,
            r => r.Suggestions.All(s => s.OpportunityId != placement.Id));
        Assert.DoesNotContain(forYonas.Suggestions, s => s.OpportunityId == placement.Id);
        var third = await caseworker.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        await Expect.Status(StatusCode.FailedPrecondition, () => Eventually.Async(() => caseworker.Matching.ProposeMatchAsync(
            new ProposeMatchRequest { NewcomerId = third.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" }).ResponseAsync));

        // STARTED, then COMPLETED with 48 hours: the MAP hours accrue on the newcomer.
        var started = await caseworker.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = proposal.Id, Outcome = Outcome.Started });
        Assert.Equal(MatchState.Started, started.State);
        var completed = await caseworker.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = proposal.Id, Outcome = Outcome.Completed, HoursCompleted = 48 });
        Assert.Equal(MatchState.Completed, completed.State);
        Assert.Equal([MatchState.Proposed, MatchState.Accepted, MatchState.Started, MatchState.Completed], completed.History.Select(h => h.State));
        Assert.Equal(48, (await Eventually.Async(() => caseworker.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = amina.Id }).ResponseAsync, n => n.MapHoursDone > 0)).MapHoursDone);

        // The completed placement frees its place: the second newcomer's acceptance now goes through.
        var next = await caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = competing.Id, Party = Party.Newcomer, Accept = true });
        Assert.Equal(MatchState.Accepted, next.State);
        return amina;
    }
}
