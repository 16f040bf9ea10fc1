using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>
/// The BuddyPreference constraint honours both sides' stated wishes alike, whichever side asks:
/// a newcomer's wanted gender, a buddy's families_only and shared_language_only, and a family buddy
/// takes a household as one unit.
/// </summary>
public sealed class BuddyEligibilityTests
{
    private readonly MatchingReadModel model = new();
    private readonly Recommender recommender;

    public BuddyEligibilityTests() =>
        recommender = new Recommender(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System);

    private static Opportunity Buddy(string id, Action<BuddyOffer>? offer = null, int capacity = 3) => Sample.Opportunity(id, 1, o =>
    {
        o.Kind = OpportunityKind.LanguageBuddy;
        o.Occupation = "";
        o.Capacity = capacity;
        o.Buddy = new BuddyOffer { Languages = { "ar" } };
        offer?.Invoke(o.Buddy);
    });

    /// <summary>A newcomer who wants a buddy, in the household given (or none).</summary>
    private static Newcomer Wanting(string id, string household = "", Action<Newcomer>? change = null) => Sample.Newcomer(id, n =>
    {
        n.PipGoals.Add(PipGoal.Buddy);
        n.HouseholdId = household;
        change?.Invoke(n);
    });

    private List<string> OpportunitiesFor(string newcomerId) =>
        [.. recommender.ForNewcomer(model.Newcomer(newcomerId)!, [OpportunityKind.LanguageBuddy], 20, new OpportunityFilter(new HashSet<string>(), false, 0))
            .Suggestions.Select(s => s.OpportunityId).Order()];

    private List<string> NewcomersFor(string opportunityId) =>
        [.. recommender.ForOpportunity(model.Opportunity(opportunityId)!, 20).Suggestions.Select(s => s.NewcomerId).Order()];

    private int RemovedByBuddyPreference(string newcomerId) =>
        recommender.ForNewcomer(model.Newcomer(newcomerId)!, [OpportunityKind.LanguageBuddy], 20, new OpportunityFilter(new HashSet<string>(), false, 0))
            .Removed.Single(c => c.Constraint == Constraint.BuddyPreference).Removed;

    private void TakePlaces(string opportunityId, int count)
    {
        for (var i = 0; i < count; i++)
            model.Apply(new Match { Id = $"{opportunityId}-m{i}", Version = 1, NewcomerId = $"elsewhere-{i}", OpportunityId = opportunityId, State = MatchState.Accepted });
    }

    [Fact]
    public void A_families_only_buddy_takes_newcomers_of_a_household_and_no_one_else_from_either_side()
    {
        model.Apply(Wanting("single"));
        model.Apply(Wanting("parent", "h1"));
        model.Apply(Buddy("families", b => { b.FamilyBuddy = true; b.FamiliesOnly = true; }));
        model.Apply(Buddy("anyone"));

        Assert.Equal(["parent"], NewcomersFor("families"));
        Assert.Equal(["anyone"], OpportunitiesFor("single"));
        Assert.Equal(1, RemovedByBuddyPreference("single"));
        Assert.Equal(["anyone", "families"], OpportunitiesFor("parent"));
        Assert.Equal(["parent", "single"], NewcomersFor("anyone"));
    }

    [Fact]
    public void A_buddy_who_asks_for_a_shared_language_takes_only_newcomers_who_speak_one_exactly_not_by_signature()
    {
        // Tigrinya and Arabic get ids 64 apart: their signatures share a bit, the languages themselves nothing.
        model.Vocabulary.Intern(["ti"]);
        model.Vocabulary.Intern(Enumerable.Range(1, 63).Select(i => $"filler-{i}"));
        model.Vocabulary.Intern(["ar"]);
        model.Apply(Wanting("arabic"));
        model.Apply(Wanting("tigrinya", change: n => n.Languages[0].Language = "ti"));
        model.Apply(Buddy("shared", b => b.SharedLanguageOnly = true));
        Assert.Equal(model.Newcomer("tigrinya")!.LanguageSignature, model.Newcomer("arabic")!.LanguageSignature);

        Assert.Equal(["arabic"], NewcomersFor("shared"));
        Assert.Equal(["shared"], OpportunitiesFor("arabic"));
        Assert.Empty(OpportunitiesFor("tigrinya"));
        Assert.Equal(1, RemovedByBuddyPreference("tigrinya"));
        var reasons = recommender.ForOpportunity(model.Opportunity("shared")!, 20).Suggestions.Single().Reasons;
        Assert.Contains(reasons, r => r.TextNl == "spreekt Arabisch, net als het taalmaatje");
    }

    [Fact]
    public void A_newcomers_wanted_gender_is_honoured_from_the_buddys_side_too()
    {
        model.Apply(Wanting("wants-a-woman", change: n => n.BuddyPreferences = new BuddyPreferences { BuddyGender = Gender.Female }));
        model.Apply(Wanting("no-preference"));
        model.Apply(Buddy("man", b => b.Gender = Gender.Male));
        model.Apply(Buddy("woman", b => b.Gender = Gender.Female));

        Assert.Equal(["no-preference"], NewcomersFor("man"));
        Assert.Equal(["no-preference", "wants-a-woman"], NewcomersFor("woman"));
        Assert.Equal(["woman"], OpportunitiesFor("wants-a-woman"));
    }

    [Fact]
    public void A_family_buddy_takes_a_household_of_three_only_with_three_places_left()
    {
        foreach (var member in new[] { "h-a", "h-b", "h-c" }) model.Apply(Wanting(member, "h3"));
        model.Apply(Wanting("single"));
        model.Apply(Buddy("family-two-left", b => b.FamilyBuddy = true));
        TakePlaces("family-two-left", 1);
        model.Apply(Buddy("family-three-left", b => b.FamilyBuddy = true));
        model.Apply(Buddy("one-to-one-two-left"));
        TakePlaces("one-to-one-two-left", 1);

        Assert.Equal(3, model.BuddyUnitSize(model.Newcomer("h-a")!));
        Assert.Equal(["family-three-left", "one-to-one-two-left"], OpportunitiesFor("h-a"));
        Assert.Equal(1, RemovedByBuddyPreference("h-a"));
        Assert.Equal(["single"], NewcomersFor("family-two-left"));
        Assert.Equal(["h-a", "h-b", "h-c", "single"], NewcomersFor("family-three-left"));
        Assert.Equal(["h-a", "h-b", "h-c", "single"], NewcomersFor("one-to-one-two-left"));

        // A member who no longer wants a buddy leaves a unit of two, which fits; matched themselves, they would be the third.
        model.Apply(Wanting("h-c", "h3", n => { n.Version = 2; n.PipGoals.Remove(PipGoal.Buddy); }));
        Assert.Equal(["h-a", "h-b", "single"], NewcomersFor("family-two-left"));
        Assert.Equal((2, 3), (model.BuddyUnitSize(model.Newcomer("h-a")!), model.BuddyUnitSize(model.Newcomer("h-c")!)));
    }

    [Fact]
    public void The_one_rule_a_cohort_assignment_calls_counts_its_own_places()
    {
        foreach (var id in new[] { "h-a", "h-b" }) model.Apply(Wanting(id, "h2"));
        model.Apply(Buddy("family", b => b.FamilyBuddy = true));
        model.Apply(Buddy("families-only", b => { b.FamilyBuddy = true; b.FamiliesOnly = true; }));
        model.Apply(Buddy("one-to-one"));
        var (member, family, oneToOne) = (model.Newcomer("h-a")!, model.Opportunity("family")!, model.Opportunity("one-to-one")!);
        var single = NewcomerEntry.From(Wanting("single"), model.Vocabulary);

        Assert.Equal((2, 1, 1), (Eligibility.PlacesNeeded(member, family), Eligibility.PlacesNeeded(member, oneToOne), Eligibility.PlacesNeeded(single, family)));
        Assert.True(Eligibility.BuddyFits(member, family));
        Assert.False(Eligibility.BuddyFits(member, family, placesLeft: 1));
        Assert.True(Eligibility.BuddyFits(member, oneToOne, placesLeft: 1));
        Assert.True(Eligibility.BuddyFits(single, family, placesLeft: 1));
        Assert.False(Eligibility.BuddyWishesFit(single, model.Opportunity("families-only")!));
        Assert.True(Eligibility.BuddyWishesFit(member, model.Opportunity("families-only")!));
    }
}
