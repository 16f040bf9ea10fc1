using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;

namespace Newcomers.Integration.Tests;

/// <summary>A provider's proposals across all its opportunities: newest first, in the states asked for, a page at a time, seen as GetMatch shows them.</summary>
public sealed class ProviderMatchesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_provider_lists_its_matches_across_its_opportunities_newest_first_in_the_states_asked_for()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var garage = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider(ProviderKind.Employer, "Garage") });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id, capacity: 5) });
        var buddy = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Buddy(bakery.Id) });
        var elsewhere = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(garage.Id) });
        var sharing = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var reserved = Build.Newcomer();
        reserved.Consent.ShareWithProviders = false;
        var keeping = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = reserved });
        var first = await ProposeAsync(sharing, placement);
        var second = await ProposeAsync(keeping, placement);
        var third = await ProposeAsync(sharing, buddy);
        await ProposeAsync(keeping, elsewhere);
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = first.Id, Party = Party.Provider, Accept = true });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = first.Id, Party = Party.Newcomer, Accept = true });
        using var baker = host.As(Roles.Provider, providers: [bakery.Id]);

        var all = await baker.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id });

        Assert.Equal([third.Id, second.Id, first.Id], all.Matches.Select(m => m.Id));
        foreach (var listed in all.Matches) Assert.Equal(await baker.Matching.GetMatchAsync(new GetMatchRequest { Id = listed.Id }), listed);
        Assert.Equal(sharing.Id, all.Matches[0].NewcomerId);
        Assert.StartsWith("cand-", all.Matches[1].NewcomerId, StringComparison.Ordinal);
        Assert.Equal("", all.NextPageToken);
        var accepted = await baker.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id, States = { MatchState.Accepted, MatchState.Started } });
        Assert.Equal([first.Id], accepted.Matches.Select(m => m.Id));
        var proposed = await baker.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id, States = { MatchState.Proposed } });
        Assert.Equal([third.Id, second.Id], proposed.Matches.Select(m => m.Id));
        // The states filter the other lists too.
        var ofPlacement = await baker.Matching.ListMatchesAsync(new ListMatchesRequest { OpportunityId = placement.Id, States = { MatchState.Proposed } });
        Assert.Equal([second.Id], ofPlacement.Matches.Select(m => m.Id));

        // A page at a time; the token serves only the same provider and states.
        var page = await baker.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id, PageSize = 2 });
        Assert.Equal([third.Id, second.Id], page.Matches.Select(m => m.Id));
        var rest = await baker.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id, PageSize = 2, PageToken = page.NextPageToken });
        Assert.Equal([first.Id], rest.Matches.Select(m => m.Id));
        Assert.Equal("", rest.NextPageToken);
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => baker.Matching.ListMatchesAsync(
            new ListMatchesRequest { ProviderId = bakery.Id, PageSize = 2, States = { MatchState.Proposed }, PageToken = page.NextPageToken }).ResponseAsync);

        // The listing is on record, for every newcomer on the page.
        var audit = await new AuditService.AuditServiceClient(host.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{keeping.Id}" });
        Assert.Contains(audit.Entries, e => (e.Action, e.Actor, e.Purpose) == ("ListMatches", "test-provider", "match follow-up"));
    }

    [Fact]
    public async Task Another_provider_may_not_list_them_and_staff_see_only_their_own_newcomers_matches()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id, capacity: 5) });
        var soester = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var baarner = Build.Newcomer();
        baarner.MunicipalityCode = "GM0308";
        var fromBaarn = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = baarner });
        var ours = await ProposeAsync(soester, placement);
        var theirs = await ProposeAsync(fromBaarn, placement);

        using var other = host.As(Roles.Provider, providers: ["another-provider"]);
        await Expect.Status(StatusCode.PermissionDenied, () => other.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id }).ResponseAsync);
        using var platform = host.As(Roles.Platform, platform: "platform-of-others");
        await Expect.Status(StatusCode.PermissionDenied, () => platform.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id }).ResponseAsync);
        using var soest = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        Assert.Equal([ours.Id], (await soest.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id })).Matches.Select(m => m.Id));
        using var baarn = host.As(Roles.Caseworker, municipalities: ["GM0308"]);
        var forBaarn = Assert.Single((await baarn.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id })).Matches);
        Assert.Equal((theirs.Id, fromBaarn.Id), (forBaarn.Id, forBaarn.NewcomerId));
        Assert.Equal([theirs.Id, ours.Id], (await host.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id })).Matches.Select(m => m.Id));
    }

    [Fact]
    public async Task Matches_stored_before_the_provider_index_are_listed_after_a_restart_at_the_same_version()
    {
        var directory = RunningHost.NewDataDirectory();
        Provider bakery;
        Match match;
        await using (var host = await RunningHost.StartAsync(directory))
        {
            bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
            var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id) });
            var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            var proposed = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" });
            match = await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = proposed.Id, Party = Party.Provider, Accept = true });
        }
        // What an older version left: the match indexed by newcomer and opportunity only, and no record that the provider index was built.
        await using (var store = new SqliteDocumentStore(Path.Combine(directory, "matching.db")))
        {
            await store.CommitAsync(new ChangeSet().Release(ProviderIndex.DoneKey)
                .Index(MatchStore.Matches.Name, match.Id, match.Version, [new IndexEntry("newcomer", match.NewcomerId), new IndexEntry("opportunity", match.OpportunityId)]));
            Assert.Empty(await store.ListAsync(MatchStore.Matches.Name, new IndexEntry("provider", bakery.Id), 10, null));
        }

        await using var restarted = await RunningHost.StartAsync(directory);

        var listed = Assert.Single((await restarted.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = bakery.Id })).Matches);
        Assert.Equal((match.Id, match.Version), (listed.Id, listed.Version));
        var answered = await restarted.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true, Version = match.Version });
        Assert.Equal(MatchState.Accepted, answered.State);
    }

    private Task<Match> ProposeAsync(Newcomer newcomer, Opportunity opportunity) =>
        fixture.Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = opportunity.Id, CaseworkerId = "soest-km-1" }).ResponseAsync;
}
