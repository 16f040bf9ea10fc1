using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

public sealed class RecommenderTests
{
    private readonly MatchingReadModel model = new();
    private readonly Recommender recommender;

    public RecommenderTests() =>
        recommender = new Recommender(model, new StaticOptions(new MatchingOptions()), TimeProvider.System);

    private RecommendOpportunitiesResponse Recommend(int limit = 20, OpportunityFilter? filter = null) =>
        recommender.ForNewcomer(model.Newcomer("n1")!, MatchingReadModel.AllKinds, limit, filter ?? new OpportunityFilter(new HashSet<string>(), false, 0));

    [Fact]
    public void Each_hard_constraint_removes_its_candidates_and_says_how_many()
    {
        model.Apply(Sample.Newcomer("n1"));
        model.Apply(Sample.Opportunity("good", 1));
        model.Apply(Sample.Opportunity("closed", 1, o => o.Status = OpportunityStatus.Closed));
        model.Apply(Sample.Opportunity("ended", 1, o => o.EndDate = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 }));
        model.Apply(Sample.Opportunity("far", 12));
        model.Apply(Sample.Opportunity("b2-needed", 1, o => o.RequiredDutchLevel = CefrLevel.B2));
        model.Apply(Sample.Opportunity("b1-needed", 1, o => o.RequiredDutchLevel = CefrLevel.B1));
        model.Apply(Sample.Opportunity("weekend", 1, o => o.Schedule.DayParts[0] = DayPart.SaturdayMorning));
        model.Apply(Sample.Opportunity("declined", 1));
        model.Apply(new Match { Id = "m1", Version = 1, NewcomerId = "n1", OpportunityId = "declined", State = MatchState.Declined });
        model.Apply(Sample.Opportunity("male-buddy", 1, o => { o.Kind = OpportunityKind.LanguageBuddy; o.Buddy = new BuddyOffer { Gender = Gender.Male }; }));
        model.Apply(Sample.Newcomer("n1", n => { n.Version = 2; n.BuddyPreferences = new BuddyPreferences { BuddyGender = Gender.Female }; }));

        var response = Recommend();

        Assert.Equal(["b1-needed", "good"], response.Suggestions.Select(s => s.OpportunityId).Order());
        Assert.Equal(9, response.Considered);
        Assert.Equal(2, response.Eligible);
        var removed = response.Removed.ToDictionary(c => c.Constraint, c => c.Removed);
        Assert.Equal(2, removed[Constraint.OpenWithCapacity]);
        Assert.Equal(1, removed[Constraint.TravelDistance]);
        Assert.Equal(1, removed[Constraint.DutchLevel]);
        Assert.Equal(1, removed[Constraint.Availability]);
        Assert.Equal(1, removed[Constraint.NotDeclinedBefore]);
        Assert.Equal(1, removed[Constraint.BuddyPreference]);
        Assert.Equal(response.Considered, response.Eligible + response.Removed.Sum(c => c.Removed));
    }

    [Fact]
    public void A_nearer_place_in_the_same_occupation_ranks_first_with_its_reasons()
    {
        model.Apply(Sample.Newcomer("n1"));
        model.Apply(Sample.Opportunity("near-same-job", 0.5));
        model.Apply(Sample.Opportunity("far-other-job", 8, o => o.Occupation = "9112"));
        model.Apply(Sample.Opportunity("near-other-job", 0.5, o => o.Occupation = "7511"));

        var response = Recommend();

        Assert.Equal(["near-same-job", "near-other-job", "far-other-job"], response.Suggestions.Select(s => s.OpportunityId));
        var best = response.Suggestions[0];
        Assert.InRange(best.Reasons.Count, 2, 5);
        Assert.Contains(best.Reasons, r => r.TextNl == "woont 0,5 km van de werkplek" && r.TextEn == "lives 0.5 km from the workplace");
        Assert.Contains(best.Reasons, r => r.TextNl == "ervaring in hetzelfde beroep (ISCO 7512)");
        Assert.Contains(response.Suggestions[1].Reasons, r => r.TextNl == "ervaring in een verwant beroep (ISCO 7512)".Replace("7512", "7511"));
        Assert.Equal(best.Reasons.OrderByDescending(r => r.Contribution).Select(r => r.Kind), best.Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void A_full_place_leaves_the_recommendations_until_a_place_frees_up()
    {
        model.Apply(Sample.Newcomer("n1"));
        model.Apply(Sample.Opportunity("one-place", 1, o => o.Capacity = 1));
        model.Apply(new Match { Id = "m", Version = 1, NewcomerId = "other", OpportunityId = "one-place", State = MatchState.Accepted });
        Assert.Empty(Recommend().Suggestions);
        model.Apply(new Match { Id = "m", Version = 1, NewcomerId = "other", OpportunityId = "one-place", State = MatchState.Accepted });
        model.Apply(new Match { Id = "m", Version = 3, NewcomerId = "other", OpportunityId = "one-place", State = MatchState.Completed });
        model.Apply(new Match { Id = "m", Version = 2, NewcomerId = "other", OpportunityId = "one-place", State = MatchState.Started });
        Assert.Equal(1, Assert.Single(Recommend().Suggestions).PlacesLeft);
    }

    [Fact]
    public void A_buddy_who_speaks_the_newcomers_language_is_explained_so()
    {
        model.Apply(Sample.Newcomer("n1", n => n.PipGoals.Add(PipGoal.Buddy)));
        model.Apply(Sample.Opportunity("buddy", 2, o =>
        {
            o.Kind = OpportunityKind.LanguageBuddy;
            o.Occupation = "";
            o.Buddy = new BuddyOffer { Languages = { "ar" } };
        }));
        var reasons = Assert.Single(Recommend().Suggestions).Reasons;
        Assert.Contains(reasons, r => r.TextNl == "spreekt Arabisch, net als het taalmaatje" && r.TextEn == "speaks Arabic, like the language buddy");
    }

    [Fact]
    public void Newcomers_without_consent_are_never_suggested_for_an_opportunity()
    {
        model.Apply(Sample.Newcomer("n1"));
        model.Apply(Sample.Newcomer("n2", n => n.Consent.Matching = false));
        model.Apply(Sample.Newcomer("n3", n => n.Status = NewcomerStatus.Paused));
        model.Apply(Sample.Opportunity("o", 1));
        var response = recommender.ForOpportunity(model.Opportunity("o")!, 10);
        Assert.Equal(["n1"], response.Suggestions.Select(s => s.NewcomerId));
        Assert.Equal(2, response.Removed.Single(c => c.Constraint == Constraint.Consent).Removed);
    }

    private sealed class StaticOptions(MatchingOptions value) : IOptionsMonitor<MatchingOptions>
    {
        public MatchingOptions CurrentValue => value;
        public MatchingOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<MatchingOptions, string?> listener) => null;
    }
}
