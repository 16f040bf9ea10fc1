using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching.Cohorts;

/// <summary>Taalmaatjes in a cohort: both sides' wishes, a buddy's one to three places, and a family buddy that takes a household whole.</summary>
public sealed class CohortBuddyTests
{
    private readonly MatchingReadModel model = new();

    [Fact]
    public void Both_sides_wishes_hold_in_a_cohort_as_in_a_recommendation()
    {
        Newcomer("wants-a-woman", n => n.BuddyPreferences = new BuddyPreferences { BuddyGender = Gender.Female });
        Newcomer("alone");
        Newcomer("in-a-family", n => n.HouseholdId = "fam-1");
        Newcomer("speaks-tigrinya", n => n.Languages[0].Language = "ti");
        Buddy("man", 3, b => b.Gender = Gender.Male);
        Buddy("families-only", 3, b => { b.FamilyBuddy = true; b.FamiliesOnly = true; });
        Buddy("arabic-only", 3, b => { b.Languages.Add("ar"); b.SharedLanguageOnly = true; });

        var result = Assign();

        var pairs = result.Pairs.ToDictionary(p => p.NewcomerId, p => p.OpportunityId);
        Assert.NotEqual("man", pairs.GetValueOrDefault("wants-a-woman"));
        Assert.All(result.Pairs.Where(p => p.OpportunityId == "families-only"), p => Assert.Equal("in-a-family", p.NewcomerId));
        Assert.NotEqual("arabic-only", pairs.GetValueOrDefault("speaks-tigrinya"));
        Assert.Equal(4, result.Pairs.Count);
        var recommender = Recommender();
        Assert.All(result.Pairs, p => Assert.Equal(Constraint.Unspecified, recommender.Failing(model.Newcomer(p.NewcomerId)!, model.Opportunity(p.OpportunityId)!)));
    }

    [Fact]
    public void A_buddy_takes_at_most_its_places()
    {
        for (var i = 0; i < 5; i++) Newcomer($"n{i}");
        Buddy("three", 3);
        Buddy("one", 1);

        var result = Assign();

        Assert.Equal(3, result.Pairs.Count(p => p.OpportunityId == "three"));
        Assert.Equal(1, result.Pairs.Count(p => p.OpportunityId == "one"));
        Assert.Single(result.LeftOut);
        Assert.Equal(CohortLeftOutReason.Outbid, result.LeftOut[0].Reason);
    }

    [Fact]
    public void A_family_buddy_takes_a_household_whole_and_its_members_may_go_alone_elsewhere()
    {
        Newcomer("mother", n => n.HouseholdId = "fam-1");
        Newcomer("son", n => n.HouseholdId = "fam-1");
        Newcomer("single");
        Buddy("family-two", 2, b => b.FamilyBuddy = true, kmNorth: 0.5);
        Buddy("family-one", 1, b => b.FamilyBuddy = true, kmNorth: 0.2);

        var result = Assign();

        Assert.Equal("cp-sat", result.Solver);
        var household = result.Pairs.Where(p => p.HouseholdId == "fam-1").ToList();
        Assert.Equal(["mother", "son"], household.Select(p => p.NewcomerId).Order());
        Assert.All(household, p => Assert.Equal("family-two", p.OpportunityId));
        Assert.Equal("family-one", result.Pairs.Single(p => p.NewcomerId == "single").OpportunityId);
        Assert.Equal(3, result.LeaveNoOneBehind.Matched);

        // With only the one-place family buddy and a plain buddy, the household cannot go together: each member may go alone to the plain one.
        model.Apply(Sample.Opportunity("family-two", 0.5, o => { o.Version = 2; o.Status = OpportunityStatus.Closed; }));
        Buddy("plain", 1);
        var after = Assign();
        Assert.DoesNotContain(after.Pairs, p => p.OpportunityId == "family-one" && p.NewcomerId != "single");
        Assert.DoesNotContain(after.Pairs, p => p.HouseholdId.Length > 0);
        Assert.Equal(2, after.Pairs.Count);
    }

    private CohortAssignment Assign() =>
        new CohortAssigner(model, Recommender(), new RecommenderTests.StaticOptions(new MatchingOptions()))
            .Assign(new CohortRequest(OpportunityKind.LanguageBuddy, new HashSet<string> { "GM0342" }, null, null, new CohortOptions()), _ => { }, CancellationToken.None);

    private Recommender Recommender() => new(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System);

    private void Newcomer(string id, Action<Newcomer>? change = null) =>
        model.Apply(Sample.Newcomer(id, n =>
        {
            n.PipGoals.Add(PipGoal.Buddy);
            n.Availability.DayParts.Add(DayPart.WednesdayAfternoon);
            change?.Invoke(n);
        }));

    private void Buddy(string id, int capacity, Action<BuddyOffer>? change = null, double kmNorth = 1) =>
        model.Apply(Sample.Opportunity(id, kmNorth, o =>
        {
            o.Kind = OpportunityKind.LanguageBuddy;
            o.Capacity = capacity;
            o.RequiredDutchLevel = CefrLevel.A0;
            o.Buddy = new BuddyOffer { Gender = Gender.Female, Languages = { "en" } };
            change?.Invoke(o.Buddy);
        }));
}
