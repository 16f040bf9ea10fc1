using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>NOT_FOUND, ALREADY_EXISTS, ABORTED and FAILED_PRECONDITION, and that a failed request writes nothing.</summary>
public sealed class StatusTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        await Expect.Status(StatusCode.NotFound, () => Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = "nobody" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement("no-such-provider") }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = "nobody" }).ResponseAsync);
        await Expect.Status(StatusCode.NotFound, () => Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "nothing", Party = Party.Provider, Accept = true }).ResponseAsync);
    }

    [Fact]
    public async Task A_taken_id_and_a_second_open_match_already_exist()
    {
        var id = Guid.NewGuid().ToString("N");
        await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer(), NewcomerId = id });
        await Expect.Status(StatusCode.AlreadyExists, () => Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer(), NewcomerId = id }).ResponseAsync);

        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var place = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = id, OpportunityId = place.Id, CaseworkerId = "km" });
        await Expect.Status(StatusCode.AlreadyExists, () => Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = id, OpportunityId = place.Id, CaseworkerId = "km" }).ResponseAsync);
    }

    [Fact]
    public async Task Staff_propose_as_themselves_without_a_caseworker_id_and_only_an_admin_must_name_one()
    {
        var newcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var first = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var second = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        using var caseworker = Host.As(Roles.Caseworker, municipalities: ["GM0342"]);

        var proposed = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = first.Id });
        Assert.Equal("test-caseworker", proposed.ProposedBy);
        // For anyone but an admin the field is ignored: the token says who proposes.
        var named = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = second.Id, CaseworkerId = "someone-else" });
        Assert.Equal("test-caseworker", named.ProposedBy);

        var third = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await Expect.InvalidField("caseworker_id", () => Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = third.Id }).ResponseAsync);
        Assert.Equal("soest-km-1", (await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = third.Id, CaseworkerId = "soest-km-1" })).ProposedBy);
    }

    [Fact]
    public async Task An_id_is_never_used_twice_even_after_deletion()
    {
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var id = Guid.NewGuid().ToString("N");
        await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id), OpportunityId = id });
        await Host.Opportunities.DeleteOpportunityAsync(new DeleteOpportunityRequest { Id = id });
        await Expect.Status(StatusCode.AlreadyExists, () => Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id), OpportunityId = id }).ResponseAsync);

        var newcomerId = Guid.NewGuid().ToString("N");
        await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer(), NewcomerId = newcomerId });
        await Host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = newcomerId });
        await Expect.Status(StatusCode.AlreadyExists, () => Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer(), NewcomerId = newcomerId }).ResponseAsync);
    }

    [Fact]
    public async Task A_provider_goes_only_without_opportunities_and_takes_none_after()
    {
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var first = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var second = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await Host.Opportunities.DeleteOpportunityAsync(new DeleteOpportunityRequest { Id = first.Id });
        await Expect.Status(StatusCode.FailedPrecondition, () => Host.Opportunities.DeleteProviderAsync(new DeleteProviderRequest { Id = provider.Id }).ResponseAsync);
        await Host.Opportunities.DeleteOpportunityAsync(new DeleteOpportunityRequest { Id = second.Id });
        await Host.Opportunities.DeleteProviderAsync(new DeleteProviderRequest { Id = provider.Id });
        await Expect.Status(StatusCode.NotFound, () => Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) }).ResponseAsync);
    }

    [Fact]
    public async Task A_stale_version_is_aborted_and_changes_nothing()
    {
        var created = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var first = created.Clone();
        first.DutchLevel = CefrLevel.B1;
        var updated = await Host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = first, UpdateMask = new FieldMask { Paths = { "dutch_level" } } });
        Assert.Equal(2, updated.Version);

        var stale = created.Clone();
        stale.MaxTravelKm = 50;
        var error = await Expect.Status(StatusCode.Aborted, () => Host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = stale }).ResponseAsync);
        Assert.Contains("version 2", error.Status.Detail);
        var now = await Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = created.Id });
        Assert.Equal((CefrLevel.B1, 10.0, 2L), (now.DutchLevel, now.MaxTravelKm, now.Version));
    }

    [Fact]
    public async Task Illegal_steps_and_missing_consent_fail_their_precondition()
    {
        var newcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var place = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var match = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = place.Id, CaseworkerId = "km" });
        await Expect.Status(StatusCode.FailedPrecondition, () => Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Completed, HoursCompleted = 10 }).ResponseAsync);
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = false, ReasonCode = EndReason.Travel, Reason = "te ver" });
        await Expect.Status(StatusCode.FailedPrecondition, () => Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true }).ResponseAsync);
        await Expect.Status(StatusCode.FailedPrecondition, () => Host.Opportunities.DeleteProviderAsync(new DeleteProviderRequest { Id = provider.Id }).ResponseAsync);

        // Declined before: no longer suggested. Withdrawn consent: out of every recommendation at once.
        var suggestions = await Host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
        Assert.DoesNotContain(suggestions.Suggestions, s => s.OpportunityId == place.Id);
        Assert.Equal(1, suggestions.Removed.Single(c => c.Constraint == Constraint.NotDeclinedBefore).Removed);
        var other = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var candidates = await Host.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = other.Id, Limit = 100 });
        Assert.Contains(candidates.Suggestions, s => s.NewcomerId == newcomer.Id);
        await Host.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = newcomer.Id, Consent = new Consent() });
        await Expect.Status(StatusCode.FailedPrecondition, () => Host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id }).ResponseAsync);
        candidates = await Host.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = other.Id, Limit = 100 });
        Assert.DoesNotContain(candidates.Suggestions, s => s.NewcomerId == newcomer.Id);
    }

    [Fact]
    public async Task A_batch_with_one_bad_opportunity_creates_none()
    {
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var taken = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await Expect.Status(StatusCode.AlreadyExists, () => Host.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest
        {
            Requests = { new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) }, new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id), OpportunityId = taken.Id } },
        }).ResponseAsync);
        var listed = await Host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = provider.Id });
        Assert.Equal([taken.Id], listed.Opportunities.Select(o => o.Id));
    }
}
