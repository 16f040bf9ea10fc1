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
        // 7511 and 7512 share the minor group 751, and the reason says just that.
        Assert.Contains(response.Suggestions[1].Reasons, r => r.TextNl == "ervaring in een verwant beroep, in dezelfde beroepsgroep (ISCO 751)");
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

    internal sealed class StaticOptions(MatchingOptions value) : IOptionsMonitor<MatchingOptions>
    {
        public MatchingOptions CurrentValue => value;
        public MatchingOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<MatchingOptions, string?> listener) => null;
    }
}

public sealed class PruningTests
{
    [Fact]
    public void Skipping_pairs_whose_bound_cannot_enter_the_top_gives_the_same_ranking_as_scoring_all()
    {
        var model = new MatchingReadModel();
        var random = new Random(3);
        string[] skills = ["a", "b", "c", "d", "e", "f"];
        string[] languages = ["ar", "ti", "fa", "uk", "en"];
        model.Apply(Sample.Newcomer("n1", n =>
        {
            n.Skills.Clear();
            n.Skills.Add(skills.Take(3));
            n.MaxTravelKm = 25;
            n.PipGoals.Add(PipGoal.Buddy);
            n.BuddyPreferences = new BuddyPreferences { Interests = { "a", "c" }, FamilyBuddy = true };
        }));
        for (var i = 0; i < 600; i++)
            model.Apply(Sample.Opportunity($"o{i:000}", random.NextDouble() * 20, o =>
            {
                o.Kind = (OpportunityKind)random.Next(1, 4);
                o.Occupation = $"{random.Next(7000, 7999)}";
                o.Skills.Clear();
                o.Skills.Add(skills.OrderBy(_ => random.Next()).Take(random.Next(0, 4)));
                o.RequiredDutchLevel = (CefrLevel)random.Next(1, 5);
                o.Schedule.HoursPerWeek = random.Next(4, 40);
                o.UsefulLanguages.Add(languages.OrderBy(_ => random.Next()).Take(random.Next(0, 2)));
                if (o.Kind == OpportunityKind.LanguageBuddy)
                    o.Buddy = new BuddyOffer { Languages = { languages.OrderBy(_ => random.Next()).Take(random.Next(0, 3)) },
                        Interests = { skills.OrderBy(_ => random.Next()).Take(random.Next(0, 3)) }, FamilyBuddy = random.Next(2) == 0 };
            }));
        var newcomer = model.Newcomer("n1")!;
        var recommender = new Recommender(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System);

        var ranked = recommender.ForNewcomer(newcomer, MatchingReadModel.AllKinds, 20, new OpportunityFilter(new HashSet<string>(), false, 0));

        var today = recommender.Today();
        var everyone = Enumerable.Range(0, 600).Select(i => model.Opportunity($"o{i:000}")!)
            .Where(o => o.RequiredDutch - 1 <= newcomer.Dutch && (o.WeekMask & newcomer.WeekMask) != 0)
            .Select(o => (o.Id, Distance: Geo.DistanceKm(newcomer.Latitude, newcomer.Longitude, o.Latitude, o.Longitude), o))
            .Where(x => x.Distance <= 25)
            .Select(x => (x.Id, x.Distance, Score: HeuristicRanker.Score(FeatureExtractor.Extract(newcomer, x.o, x.Distance, today))))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Distance).Take(20).Select(x => x.Id);
        Assert.Equal(everyone, ranked.Suggestions.Select(s => s.OpportunityId));
    }
}
