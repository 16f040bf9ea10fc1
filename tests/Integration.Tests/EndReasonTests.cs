using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// Why a match was declined or ended is kept as a code from the fixed list, with words beside it.
/// Staff see both; a provider sees the words only of its own decline, and of the codes only its own
/// and those about the placement.
/// </summary>
public sealed class EndReasonTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_provider_declines_with_a_code_and_no_words_and_staff_read_it_in_every_view()
    {
        var (bakery, match) = await ProposedAsync();
        using var baker = fixture.Host.As(Roles.Provider, providers: [bakery.Id]);

        var declined = await baker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, ReasonCode = EndReason.PlaceUnavailable });

        Assert.Equal((MatchState.Declined, Party.Provider, EndReason.PlaceUnavailable, ""), (declined.State, declined.DeclinedBy, declined.ReasonCode, declined.Reason));
        Assert.Equal(EndReason.PlaceUnavailable, (await fixture.Host.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id })).ReasonCode);
        var listed = await fixture.Host.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = match.NewcomerId });
        Assert.Equal(EndReason.PlaceUnavailable, listed.Matches.Single(m => m.Id == match.Id).ReasonCode);
    }

    [Fact]
    public async Task A_caseworker_withdraws_without_a_code_and_it_reads_as_unspecified()
    {
        var (_, match) = await ProposedAsync();

        var withdrawn = await fixture.Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Caseworker, Reason = "per abuis voorgesteld" });

        Assert.Equal((MatchState.Declined, EndReason.Unspecified, "per abuis voorgesteld"), (withdrawn.State, withdrawn.ReasonCode, withdrawn.Reason));
    }

    [Theory]
    [InlineData(EndReason.NoShow, EndReason.NoShow)]
    [InlineData(EndReason.HealthOrCare, EndReason.Unspecified)]
    [InlineData(EndReason.Other, EndReason.Unspecified)]
    public async Task An_ended_match_keeps_its_code_and_the_provider_sees_only_codes_about_the_placement(EndReason code, EndReason seenByProvider)
    {
        var (bakery, match) = await ProposedAsync();
        await fixture.Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await fixture.Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });

        var ended = await fixture.Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Ended, ReasonCode = code, Reason = "zie dossier" });

        Assert.Equal((MatchState.Ended, code, "zie dossier"), (ended.State, ended.ReasonCode, ended.Reason));
        using var baker = fixture.Host.As(Roles.Provider, providers: [bakery.Id]);
        var seen = await baker.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id });
        Assert.Equal((seenByProvider, ""), (seen.ReasonCode, seen.Reason));
    }

    [Fact]
    public async Task Over_rest_the_code_is_reason_code_by_its_enum_name()
    {
        var host = fixture.Host;
        var (bakery, match) = await ProposedAsync();
        using var client = Rest.Client(host, host.Token("rest-baker", Roles.Provider, providers: [bakery.Id]));

        var (refused, error) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/matches/{match.Id}:respond", """{"party":"PARTY_PROVIDER","accept":false,"reasonCode":"END_REASON_OTHER"}""");
        var (status, body) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/matches/{match.Id}:respond", """{"party":"PARTY_PROVIDER","accept":false,"reasonCode":"END_REASON_NO_FIT","reason":"te weinig begeleiding"}""");

        Assert.Equal(400, refused);
        Assert.Equal([("reason", ViolationReasons.Required)], Rest.FieldViolations(error));
        Assert.Equal(200, status);
        Assert.Equal(("MATCH_STATE_DECLINED", "END_REASON_NO_FIT", "te weinig begeleiding"),
            (body.GetProperty("state").GetString(), body.GetProperty("reasonCode").GetString(), body.GetProperty("reason").GetString()));
    }

    private async Task<(Provider Bakery, Match Match)> ProposedAsync()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id) });
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" });
        return (bakery, match);
    }
}
