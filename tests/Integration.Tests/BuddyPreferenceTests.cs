using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// A language buddy's stated wishes and a newcomer's household, over real gRPC from both sides: what
/// one direction never suggests, the other does not either.
/// </summary>
public sealed class BuddyPreferenceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_buddy_for_families_only_is_never_given_a_newcomer_without_a_household()
    {
        var families = await PostAsync(Buddy(b => { b.FamilyBuddy = true; b.FamiliesOnly = true; }, capacity: 3));
        var single = await RegisterAsync();
        var parent = await RegisterAsync(household: NewHousehold());
        using var coordinator = Host.As(Roles.Coordinator, municipalities: ["GM0342"]);

        var forBuddy = await Eventually.Async(() => coordinator.Matching.RecommendNewcomersAsync(new() { OpportunityId = families.Id, Limit = 100 }).ResponseAsync,
            r => r.Suggestions.Any(s => s.NewcomerId == parent.Id));

        Assert.Contains(forBuddy.Suggestions, s => s.NewcomerId == parent.Id);
        Assert.DoesNotContain(forBuddy.Suggestions, s => s.NewcomerId == single.Id);
        foreach (var suggested in forBuddy.Suggestions)
            Assert.NotEqual("", (await Host.Profiles.GetNewcomerAsync(new() { Id = suggested.NewcomerId })).HouseholdId);
        Assert.DoesNotContain((await BuddiesForAsync(coordinator, single)).Suggestions, s => s.OpportunityId == families.Id);
        Assert.Contains((await BuddiesForAsync(coordinator, parent)).Suggestions, s => s.OpportunityId == families.Id);
    }

    [Fact]
    public async Task A_household_of_three_is_never_offered_a_family_buddy_with_two_places_left()
    {
        var household = NewHousehold();
        var members = new List<Newcomer>();
        for (var i = 0; i < 3; i++) members.Add(await RegisterAsync(household));
        var family = await PostAsync(Buddy(b => b.FamilyBuddy = true, capacity: 3));
        var oneToOne = await PostAsync(Buddy(capacity: 3));
        await TakeAPlaceAsync(family);
        await TakeAPlaceAsync(oneToOne);
        using var caseworker = Host.As(Roles.Caseworker, municipalities: ["GM0342"]);

        var forMember = await Eventually.Async(() => BuddiesForAsync(caseworker, members[0]),
            r => r.Suggestions.Any(s => s.OpportunityId == oneToOne.Id && s.PlacesLeft == 2));

        Assert.DoesNotContain(forMember.Suggestions, s => s.OpportunityId == family.Id);
        Assert.Equal(2, forMember.Suggestions.Single(s => s.OpportunityId == oneToOne.Id).PlacesLeft);
        Assert.True(forMember.Removed.Single(c => c.Constraint == Constraint.BuddyPreference).Removed >= 1);
        var forFamilyBuddy = await caseworker.Matching.RecommendNewcomersAsync(new() { OpportunityId = family.Id, Limit = 100 });
        Assert.DoesNotContain(forFamilyBuddy.Suggestions, s => members.Any(m => m.Id == s.NewcomerId));

        // One member withdraws consent: a unit of two fits the two places left, from either side.
        await caseworker.Profiles.UpdateConsentAsync(new() { Id = members[2].Id, Consent = new Consent { Matching = false } });
        var afterwards = await Eventually.Async(() => BuddiesForAsync(caseworker, members[0]), r => r.Suggestions.Any(s => s.OpportunityId == family.Id));
        Assert.Contains(afterwards.Suggestions, s => s.OpportunityId == family.Id);
        var newcomers = await caseworker.Matching.RecommendNewcomersAsync(new() { OpportunityId = family.Id, Limit = 100 });
        Assert.Contains(newcomers.Suggestions, s => s.NewcomerId == members[1].Id);
    }

    [Fact]
    public async Task A_buddy_who_asks_for_a_shared_language_gets_only_newcomers_who_speak_one()
    {
        var shared = await PostAsync(Buddy(b => { b.Languages.Clear(); b.Languages.Add("ar"); b.SharedLanguageOnly = true; }));
        var arabic = await RegisterAsync();
        var tigrinya = await RegisterAsync(change: n => n.Languages[0].Language = "ti");
        using var coordinator = Host.As(Roles.Coordinator, municipalities: ["GM0342"]);

        var forBuddy = await Eventually.Async(() => coordinator.Matching.RecommendNewcomersAsync(new() { OpportunityId = shared.Id, Limit = 100 }).ResponseAsync,
            r => r.Suggestions.Any(s => s.NewcomerId == arabic.Id));

        Assert.DoesNotContain(forBuddy.Suggestions, s => s.NewcomerId == tigrinya.Id);
        Assert.Contains(forBuddy.Suggestions.Single(s => s.NewcomerId == arabic.Id).Reasons, r => r.TextNl == "spreekt Arabisch, net als het taalmaatje");
        Assert.DoesNotContain((await BuddiesForAsync(coordinator, tigrinya)).Suggestions, s => s.OpportunityId == shared.Id);
        Assert.Contains((await BuddiesForAsync(coordinator, arabic)).Suggestions, s => s.OpportunityId == shared.Id);
    }

    [Fact]
    public async Task A_household_id_is_kept_changed_by_its_mask_and_exported_with_the_profile()
    {
        var first = NewHousehold();
        var newcomer = await RegisterAsync(first);
        Assert.Equal(first, (await Host.Profiles.GetNewcomerAsync(new() { Id = newcomer.Id })).HouseholdId);

        var second = NewHousehold();
        var moved = await Host.Profiles.UpdateNewcomerAsync(new()
        {
            Newcomer = new Newcomer(newcomer) { HouseholdId = second, DisplayName = "not this" }, UpdateMask = new FieldMask { Paths = { "household_id" } },
        });

        Assert.Equal((second, newcomer.DisplayName), (moved.HouseholdId, moved.DisplayName));
        Assert.Equal(second, (await Host.Profiles.ExportNewcomerAsync(new() { Id = newcomer.Id })).Newcomer.HouseholdId);
        await Expect.InvalidField("newcomer.household_id", ViolationReasons.InvalidId, () => Host.Profiles.UpdateNewcomerAsync(new()
        {
            Newcomer = new Newcomer(moved) { HouseholdId = "huis 12" }, UpdateMask = new FieldMask { Paths = { "household_id" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task A_language_buddy_takes_at_most_three_newcomers_also_after_an_update()
    {
        await Expect.InvalidField("opportunity.capacity", ViolationReasons.OutOfRange, () => PostAsync(Buddy(capacity: 4)));
        var buddy = await PostAsync(Buddy(capacity: 3));
        await Expect.InvalidField("opportunity.capacity", ViolationReasons.OutOfRange, () => Host.Opportunities.UpdateOpportunityAsync(new()
        {
            Opportunity = new Opportunity(buddy) { Capacity = 4 }, UpdateMask = new FieldMask { Paths = { "capacity" } },
        }).ResponseAsync);
        var placement = await PostAsync(new Opportunity(Build.Placement(buddy.ProviderId)) { Capacity = 4 });
        Assert.Equal(4, placement.Capacity);
    }

    private static string NewHousehold() => $"fam-{Guid.NewGuid():N}"[..16];

    private static Opportunity Buddy(Action<BuddyOffer>? offer = null, int capacity = 1)
    {
        var buddy = Build.Buddy("");
        buddy.Capacity = capacity;
        buddy.Buddy.Gender = Gender.Unspecified;
        offer?.Invoke(buddy.Buddy);
        return buddy;
    }

    private async Task<Opportunity> PostAsync(Opportunity opportunity)
    {
        if (opportunity.ProviderId.Length == 0)
            opportunity.ProviderId = (await Host.Opportunities.CreateProviderAsync(new() { Provider = Build.Provider(ProviderKind.VolunteerOrganisation, "Taalhuis Soest") })).Id;
        return await Host.Opportunities.CreateOpportunityAsync(new() { Opportunity = opportunity });
    }

    private async Task<Newcomer> RegisterAsync(string household = "", Action<Newcomer>? change = null)
    {
        var newcomer = Build.Newcomer();
        newcomer.HouseholdId = household;
        change?.Invoke(newcomer);
        return await Host.Profiles.CreateNewcomerAsync(new() { Newcomer = newcomer });
    }

    private static Task<RecommendOpportunitiesResponse> BuddiesForAsync(Clients staff, Newcomer newcomer) =>
        staff.Matching.RecommendOpportunitiesAsync(new() { NewcomerId = newcomer.Id, Kinds = { OpportunityKind.LanguageBuddy }, Limit = 100 }).ResponseAsync;

    /// <summary>Someone else, without a household, takes one of its places: proposed, and accepted by both sides.</summary>
    private async Task TakeAPlaceAsync(Opportunity opportunity)
    {
        var other = await RegisterAsync();
        var match = await Host.Matching.ProposeMatchAsync(new() { NewcomerId = other.Id, OpportunityId = opportunity.Id, CaseworkerId = "km" });
        await Host.Matching.RespondToMatchAsync(new() { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await Host.Matching.RespondToMatchAsync(new() { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
    }
}
