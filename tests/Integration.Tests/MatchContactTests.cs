using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// Once both sides accepted, and with the newcomer's consent to sharing, the provider learns whom to
/// reach: the newcomer's name and caseworker, from the Profiles service. Before that, or without the
/// consent, a precondition says why not, naming the match and never the newcomer.
/// </summary>
public sealed class MatchContactTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Platform = "platform-contact", Contact = "klantmanager@werkbedrijf-soest.example";

    [Fact]
    public async Task The_provider_of_an_accepted_match_gets_the_name_and_the_caseworkers_contact()
    {
        var host = fixture.Host;
        var (bakery, match, newcomer) = await ProposedAsync(share: true);
        using var baker = host.As(Roles.Provider, providers: [bakery.Id]);
        var early = await Expect.Precondition("NOT_ACCEPTED", () => baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);
        Assert.Equal($"matches/{match.Id}", early.Subject);
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await Expect.Precondition("NOT_ACCEPTED", () => baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });

        var contact = await baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id });

        Assert.Equal(new MatchContact { MatchId = match.Id, NewcomerName = "Amina K.", CaseworkerId = "soest-km-1", CaseworkerContact = Contact }, contact);
        // Its platform and an admin get the same, through the placement's start and completion.
        using var platform = host.As(Roles.Platform, platform: Platform);
        Assert.Equal(contact, await platform.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }));
        await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Started });
        await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Completed, HoursCompleted = 20 });
        Assert.Equal(contact, await host.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }));

        // The caseworker changes how she is reached: the next answer has it.
        using var caseworker = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        var current = await caseworker.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });
        await caseworker.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest
        {
            Newcomer = new Newcomer(current) { CaseworkerContact = "030 123 45 67" }, UpdateMask = new FieldMask { Paths = { "caseworker_contact" } },
        });
        Assert.Equal("030 123 45 67", (await baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id })).CaseworkerContact);

        // Staff ask the newcomer's record instead; another provider does not see the match at all.
        await Expect.Status(StatusCode.PermissionDenied, () => caseworker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);
        using var other = host.As(Roles.Provider, providers: ["another-provider"]);
        await Expect.Status(StatusCode.NotFound, () => other.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);

        var audit = await new AuditService.AuditServiceClient(host.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}" });
        Assert.Contains(audit.Entries, e => (e.Action, e.Actor, e.Role, e.Purpose) == ("GetMatchContact", "test-provider", Roles.Provider, "match follow-up"));
        Assert.Contains(audit.Entries, e => (e.Action, e.Actor, e.Role) == ("GetMatchContact", "test-platform", Roles.Platform));
    }

    [Fact]
    public async Task Without_consent_to_sharing_or_once_it_ended_early_there_is_no_contact()
    {
        var host = fixture.Host;
        var (bakery, match, newcomer) = await ProposedAsync(share: false);
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
        using var baker = host.As(Roles.Provider, providers: [bakery.Id]);

        var refused = await Expect.Precondition("NO_SHARING_CONSENT", () => baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);

        Assert.Equal($"matches/{match.Id}", refused.Subject);
        Assert.DoesNotContain(newcomer.Id, refused.Description, StringComparison.Ordinal);
        await Expect.Precondition("NO_SHARING_CONSENT", () => host.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);
        // Consent given later counts at once; an ended match has no contact any more.
        await host.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = newcomer.Id, Consent = new Consent { Matching = true, ShareWithProviders = true } });
        Assert.Equal("Amina K.", (await baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id })).NewcomerName);
        await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Ended, ReasonCode = EndReason.Moved, Reason = "verhuisd" });
        await Expect.Precondition("NOT_ACCEPTED", () => baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = match.Id }).ResponseAsync);
    }

    [Fact]
    public async Task Only_admins_and_services_read_a_contact_from_profiles_and_no_event_or_stream_carries_it()
    {
        var host = fixture.Host;
        var (_, _, newcomer) = await ProposedAsync(share: true);
        var expected = new NewcomerContact { NewcomerId = newcomer.Id, DisplayName = "Amina K.", CaseworkerId = "soest-km-1", CaseworkerContact = Contact };
        using var service = host.As(Roles.Service);

        Assert.Equal(expected, await host.Profiles.GetNewcomerContactAsync(new GetNewcomerContactRequest { NewcomerId = newcomer.Id }));
        Assert.Equal(expected, await service.Profiles.GetNewcomerContactAsync(new GetNewcomerContactRequest { NewcomerId = newcomer.Id }));
        using var caseworker = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        await Expect.Status(StatusCode.PermissionDenied, () => caseworker.Profiles.GetNewcomerContactAsync(new GetNewcomerContactRequest { NewcomerId = newcomer.Id }).ResponseAsync);
        var audit = await new AuditService.AuditServiceClient(host.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}" });
        Assert.Contains(audit.Entries, e => (e.Action, e.Role, e.Purpose) == ("GetNewcomerContact", Roles.Service, "match follow-up"));

        // What the other services get of a newcomer leaves the name and the contact out.
        using var stream = service.Profiles.StreamNewcomers(new StreamNewcomersRequest());
        var streamed = new List<Newcomer>();
        while (await stream.ResponseStream.MoveNext(CancellationToken.None)) streamed.Add(stream.ResponseStream.Current);
        var minimised = streamed.Single(n => n.Id == newcomer.Id);
        Assert.Equal(("", ""), (minimised.DisplayName, minimised.CaseworkerContact));
    }

    private async Task<(Provider Bakery, Match Match, Newcomer Newcomer)> ProposedAsync(bool share)
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider(Build.Provider()) { PlatformId = Platform } });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id) });
        var registered = Build.Newcomer();
        registered.Consent.ShareWithProviders = share;
        registered.CaseworkerContact = Contact;
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = registered });
        var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" });
        return (bakery, match, newcomer);
    }
}
