using System.Reflection;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

public sealed class FeatureTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static FitFeatures Extract(Newcomer n, Opportunity o)
    {
        var vocabulary = new Vocabulary();
        var newcomer = NewcomerEntry.From(n, vocabulary);
        var opportunity = OpportunityEntry.From(o, vocabulary, new PlaceCounter());
        return FeatureExtractor.Extract(newcomer, opportunity, Geo.DistanceKm(newcomer.Latitude, newcomer.Longitude, opportunity.Latitude, opportunity.Longitude), Today);
    }

    [Theory]
    [InlineData("7512", 4)]
    [InlineData("7513", 3)]
    [InlineData("7522", 2)]
    [InlineData("7111", 1)]
    [InlineData("2512", 0)]
    public void Occupations_match_at_unit_minor_sub_major_and_major_group(string wanted, int level) =>
        Assert.Equal(level, Extract(Sample.Newcomer(), Sample.Opportunity("o", 1, o => o.Occupation = wanted)).OccupationLevel);

    [Fact]
    public void Features_describe_the_fit_of_the_pair()
    {
        var f = Extract(Sample.Newcomer(n => n.MapHoursDone = 10), Sample.Opportunity("o", 2, o =>
        {
            o.RequiredDutchLevel = CefrLevel.B1;
            o.Skills.Add("lassen");
            o.Schedule.DayParts.Add(DayPart.FridayEvening);
            o.CountsTowardsMap = true;
            o.StartDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 3 };
        }));
        Assert.Equal(2, f.DistanceKm, 2);
        Assert.Equal(0.2, f.DistanceShare, 2);
        Assert.Equal(-1, f.DutchGap);
        Assert.Equal((2, 2 / 3.0), (f.SkillOverlap, f.SkillShare));
        Assert.Equal(0.5, f.ScheduleShare);
        Assert.Equal(1, f.GoalFit);
        Assert.Equal(0.75, f.MapNeed);
        Assert.Equal(10, f.DaysUntilStart);
    }

    [Fact]
    public void Protected_attributes_never_reach_the_features()
    {
        string[] protectedWords = ["nationality", "country", "origin", "mother", "tongue", "religion", "gender", "sex", "age", "birth", "ethnic", "name"];
        var featureWords = typeof(FitFeatures).GetProperties().SelectMany(p => Words(p.Name)).ToList();
        Assert.DoesNotContain(featureWords, protectedWords.Contains);
        Assert.DoesNotContain(Newcomers.Matching.Learning.FeatureVector.Names.SelectMany(n => n.Split('_')), protectedWords.Contains);
        Assert.Equal(Newcomers.Matching.Learning.FeatureVector.Length, Newcomers.Matching.Learning.FeatureVector.Names.Length);

        // The newcomer as matching holds it: only the stated buddy preference may mention a gender, and it is a hard
        // constraint the newcomer asked for, not a feature.
        var entryWords = typeof(NewcomerEntry).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "BuddyGender").SelectMany(p => Words(p.Name));
        Assert.DoesNotContain(entryWords, protectedWords.Contains);

        // Two newcomers who differ only in their name get identical features (ModelTests shows the same through the
        // service for newcomers whose protected attributes differ too: the matching service reads those only for the fairness report, in memory).
        var a = Extract(Sample.Newcomer(n => n.DisplayName = "Amina"), Sample.Opportunity("o"));
        var b = Extract(Sample.Newcomer(n => n.DisplayName = "Oleksandr"), Sample.Opportunity("o"));
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_languages_a_newcomer_speaks_enter_only_as_an_overlap_with_what_the_opportunity_asks()
    {
        // Languages stand for origin: two newcomers who differ in every language but share none with the opportunity look the same.
        var vocabulary = new Vocabulary();
        var o = OpportunityEntry.From(Sample.Opportunity("o", 2, x => x.UsefulLanguages.Add("en")), vocabulary, new PlaceCounter());
        var arabic = NewcomerEntry.From(Sample.Newcomer(x => { x.Languages.Clear(); x.Languages.Add(new LanguageSkill { Language = "ar", Level = CefrLevel.C2 }); }), vocabulary);
        var tigrinya = NewcomerEntry.From(Sample.Newcomer(x =>
        {
            x.Languages.Clear();
            x.Languages.Add(new LanguageSkill { Language = "ti", Level = CefrLevel.C2 });
            x.Languages.Add(new LanguageSkill { Language = "am", Level = CefrLevel.B1 });
        }), vocabulary);
        Assert.Equal(Newcomers.Matching.Learning.FeatureVector.From(FeatureExtractor.Extract(arabic, o, 2, Today)),
            Newcomers.Matching.Learning.FeatureVector.From(FeatureExtractor.Extract(tigrinya, o, 2, Today)));
        Assert.DoesNotContain(Newcomers.Matching.Learning.FeatureVector.Names, name => name.Contains("language", StringComparison.Ordinal) && name != "shared_languages" && name != "language_support");
    }

    [Fact]
    public void The_second_feature_set_shows_both_levels_the_hours_with_their_sign_the_major_group_and_common_skills()
    {
        var vocabulary = new Vocabulary();
        var n = NewcomerEntry.From(Sample.Newcomer(x => { x.DutchLevel = CefrLevel.A1; x.Availability.HoursPerWeek = 32; x.Skills.Add("Koken"); }), vocabulary);
        var o = OpportunityEntry.From(Sample.Opportunity("o", 2, x => { x.RequiredDutchLevel = CefrLevel.B1; x.Schedule.HoursPerWeek = 20; x.Occupation = "5120"; x.Skills.Add("koken"); }), vocabulary, new PlaceCounter());
        var v = Newcomers.Matching.Learning.FeatureVector.From(FeatureExtractor.Extract(n, o, 2, Today));
        float At(string name) => v[Array.IndexOf(Newcomers.Matching.Learning.FeatureVector.Names, name)];
        Assert.Equal((1f, 3f, 12f), (At("newcomer_dutch"), At("required_dutch"), At("hours_difference")));
        Assert.Equal((1f, 0f), (At("isco_major_5"), At("isco_major_7")));
        Assert.Equal((1f, 1f, 0f), (At("skill_koken"), At("skill_hygiëne"), At("skill_schoonmaken")));
        var fewer = NewcomerEntry.From(Sample.Newcomer(x => x.Availability.HoursPerWeek = 8), vocabulary);
        Assert.Equal(-12, Newcomers.Matching.Learning.FeatureVector.From(FeatureExtractor.Extract(fewer, o, 2, Today))[Array.IndexOf(Newcomers.Matching.Learning.FeatureVector.Names, "hours_difference")]);
    }

    [Fact]
    public void A_newcomer_on_the_onderwijsroute_has_no_MAP_need_and_gets_no_MAP_reason()
    {
        var vocabulary = new Vocabulary();
        var o = OpportunityEntry.From(Sample.Opportunity("o", 2, x => x.CountsTowardsMap = true), vocabulary, new PlaceCounter());
        var b1 = NewcomerEntry.From(Sample.Newcomer(x => x.Leerroute = Leerroute.B1), vocabulary);
        var onderwijs = NewcomerEntry.From(Sample.Newcomer(x => x.Leerroute = Leerroute.Onderwijs), vocabulary);
        Assert.Equal(1, FeatureExtractor.Extract(b1, o, 2, Today).MapNeed);
        var f = FeatureExtractor.Extract(onderwijs, o, 2, Today);
        Assert.Equal(0, f.MapNeed);
        var contributions = Newcomers.Matching.Learning.FeatureVector.Reasons.Select(r => (r.Kind, r.Kind == ReasonKind.MapHours ? 0.5 : 0.1)).ToList();
        Assert.DoesNotContain(ReasonWriter.Write(contributions, f, onderwijs, o, vocabulary), r => r.Kind == ReasonKind.MapHours);
    }

    [Fact]
    public void Every_feature_speaks_for_one_reason_and_every_reason_has_a_sentence()
    {
        var features = Newcomers.Matching.Learning.FeatureVector.Reasons.SelectMany(r => r.Features).ToList();
        Assert.Equal(Enumerable.Range(0, Newcomers.Matching.Learning.FeatureVector.Length), features.Order());

        // A placement that counts for the MAP, and a buddy who shares a language and interests: between them every reason is true of a pair.
        var vocabulary = new Vocabulary();
        var n = NewcomerEntry.From(Sample.Newcomer(x => { x.PipGoals.Add(PipGoal.Buddy); x.BuddyPreferences = new BuddyPreferences { Interests = { "koken" } }; }), vocabulary);
        var placement = OpportunityEntry.From(Sample.Opportunity("o", 2, o => o.CountsTowardsMap = true), vocabulary, new PlaceCounter());
        var buddy = OpportunityEntry.From(Sample.Opportunity("b", 2, o =>
        {
            o.Kind = OpportunityKind.LanguageBuddy;
            o.Buddy = new BuddyOffer { Languages = { "ar" }, Interests = { "koken" } };
        }), vocabulary, new PlaceCounter());
        foreach (var (kind, _) in Newcomers.Matching.Learning.FeatureVector.Reasons)
        {
            var contributions = Newcomers.Matching.Learning.FeatureVector.Reasons.Select(r => (r.Kind, r.Kind == kind ? 0.5 : 0.0)).ToList();
            var o = new[] { placement, buddy }.First(o => ReasonWriter.SpeaksFor(kind, FeatureExtractor.Extract(n, o, 2, Today), n, o));
            var reason = Assert.Single(ReasonWriter.Write(contributions, FeatureExtractor.Extract(n, o, 2, Today), n, o, vocabulary), r => r.Kind == kind);
            Assert.False(string.IsNullOrWhiteSpace(reason.TextNl) || string.IsNullOrWhiteSpace(reason.TextEn), kind.ToString());
        }
    }

    private static IEnumerable<string> Words(string pascalCase) =>
        System.Text.RegularExpressions.Regex.Matches(pascalCase, "[A-Z][a-z]*").Select(m => m.Value.ToLowerInvariant());

    [Fact]
    public void Heuristic_weights_add_up_to_one_and_contributions_to_the_score()
    {
        foreach (var kind in MatchingReadModel.AllKinds)
        {
            var perfect = new FitFeatures(0, 0, 0, false, 1, 4, 2, 1, 1, 1, 1, 2, true, 1, 1, 0, kind, 3, 3, 0, 5, 1);
            Assert.Equal(1, HeuristicRanker.Score(perfect), 6);
            var some = Extract(Sample.Newcomer(), Sample.Opportunity("o", 3, o => o.Kind = kind));
            Assert.Equal(HeuristicRanker.Score(some), HeuristicRanker.Contributions(some).Sum(c => c.Contribution), 9);
        }
    }
}
