using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Places with room left, in the caller's municipalities, longest waiting first: what a coordinator looks at to find a newcomer for a buddy.</summary>
public sealed class OpeningsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Houten = "GM0321", Baarn = "GM0308";

    [Fact]
    public async Task Open_buddies_with_room_left_come_longest_waiting_first_a_page_at_a_time()
    {
        var host = fixture.Host;
        var taalhuis = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider(ProviderKind.VolunteerOrganisation, "Taalhuis Houten") });
        var oldest = await PostAsync(Buddy(taalhuis.Id, Houten, capacity: 3));
        var full = await PostAsync(Buddy(taalhuis.Id, Houten, capacity: 1));
        var closed = await PostAsync(new Opportunity(Buddy(taalhuis.Id, Houten, capacity: 1)) { Status = OpportunityStatus.Closed });
        var ended = await PostAsync(new Opportunity(Buddy(taalhuis.Id, Houten, capacity: 1)) { EndDate = new Google.Type.Date { Year = 2020, Month = 1, Day = 31 } });
        var newest = await PostAsync(Buddy(taalhuis.Id, Houten, capacity: 1));
        var inBaarn = await PostAsync(Buddy(taalhuis.Id, Baarn, capacity: 1));
        await PostAsync(new Opportunity(Build.Placement(taalhuis.Id)) { MunicipalityCode = Houten });
        await AcceptAsync(oldest);
        await AcceptAsync(full);
        using var coordinator = host.As(Roles.Coordinator, municipalities: [Houten]);

        var openings = await coordinator.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy });

        Assert.Equal([oldest.Id, newest.Id], openings.Openings.Select(o => o.OpportunityId));
        Assert.Equal(new Opening
        {
            OpportunityId = oldest.Id, Title = oldest.Title, ProviderId = taalhuis.Id, Kind = OpportunityKind.LanguageBuddy, MunicipalityCode = Houten,
            Capacity = 3, PlacesLeft = 2, Posted = oldest.CreateTime,
        }, openings.Openings[0]);
        Assert.True(openings.Openings[0].Posted.ToDateTimeOffset() < openings.Openings[1].Posted.ToDateTimeOffset());
        Assert.DoesNotContain(openings.Openings, o => o.OpportunityId == full.Id || o.OpportunityId == closed.Id || o.OpportunityId == ended.Id);

        // A page at a time; the token serves only the same kind and municipalities.
        var page = await coordinator.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { Houten }, PageSize = 1 });
        Assert.Equal([oldest.Id], page.Openings.Select(o => o.OpportunityId));
        var rest = await coordinator.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { Houten }, PageSize = 1, PageToken = page.NextPageToken });
        Assert.Equal([newest.Id], rest.Openings.Select(o => o.OpportunityId));
        Assert.Equal("", rest.NextPageToken);
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => coordinator.Matching.ListOpeningsAsync(
            new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, PageSize = 1, PageToken = page.NextPageToken }).ResponseAsync);

        // Only the caller's own municipalities; an admin asks for any.
        await Expect.Status(StatusCode.PermissionDenied, () => coordinator.Matching.ListOpeningsAsync(
            new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { Houten, Baarn } }).ResponseAsync);
        var forAdmin = await host.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { Baarn, Houten } });
        Assert.Equal([oldest.Id, newest.Id, inBaarn.Id], forAdmin.Openings.Select(o => o.OpportunityId));
        Assert.Contains(inBaarn.Id, (await host.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, PageSize = 1000 })).Openings.Select(o => o.OpportunityId));
    }

    [Fact]
    public async Task A_caseworker_sees_every_kind_and_a_coordinator_buddies_only()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await PostAsync(new Opportunity(Build.Placement(bakery.Id, capacity: 2)) { MunicipalityCode = Houten });
        using var caseworker = host.As(Roles.Caseworker, municipalities: [Houten]);
        using var coordinator = host.As(Roles.Coordinator, municipalities: [Houten]);

        var placements = await caseworker.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.WorkPlacement });

        Assert.Contains(placements.Openings, o => (o.OpportunityId, o.PlacesLeft, o.Capacity) == (placement.Id, 2, 2));
        Assert.All(placements.Openings, o => Assert.Equal((OpportunityKind.WorkPlacement, Houten), (o.Kind, o.MunicipalityCode)));
        await Expect.Status(StatusCode.PermissionDenied, () => coordinator.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.WorkPlacement }).ResponseAsync);
        using var elsewhere = host.As(Roles.Caseworker, municipalities: [Baarn]);
        Assert.DoesNotContain((await elsewhere.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.WorkPlacement })).Openings, o => o.OpportunityId == placement.Id);
    }

    private static Opportunity Buddy(string providerId, string municipality, int capacity) =>
        new(Build.Buddy(providerId)) { MunicipalityCode = municipality, Capacity = capacity };

    private async Task<Opportunity> PostAsync(Opportunity opportunity) =>
        await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = opportunity });

    /// <summary>A newcomer takes one of its places: proposed, and accepted by both sides.</summary>
    private async Task AcceptAsync(Opportunity opportunity)
    {
        var host = fixture.Host;
        var newcomer = Build.Newcomer();
        newcomer.MunicipalityCode = opportunity.MunicipalityCode;
        var registered = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer });
        var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = registered.Id, OpportunityId = opportunity.Id, CaseworkerId = "km" });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
    }
}
