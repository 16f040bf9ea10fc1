using System.Globalization;
using System.Text.RegularExpressions;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>
/// A caseworker repeats every reason to the newcomer, so each one is checked against the pair's own
/// facts, for thousands of random pairs, under the heuristic and under a trained model.
/// </summary>
public sealed partial class ReasonTruthTests
{
    private static readonly string[] Occupations = ["5120", "5131", "5132", "5141", "5321", "5322", "9112", "9121", "9412", "7512", "7513", "2221", "3221", "8322"];
    private static readonly string[] SkillPool = ["koken", "schoonmaken", "deeg bereiden", "hygiëne", "tillen", "klantcontact", "kassa", "zorg", "rijbewijs b", "computer"];
    private static readonly string[] LanguagePool = ["ar", "ti", "en", "fa", "uk", "so"];
    private static readonly string[] InterestPool = ["koken", "wandelen", "voetbal", "muziek", "tuinieren"];
    private static readonly DayPart[] Week = [.. Enum.GetValues<DayPart>().Where(d => d != DayPart.Unspecified)];

    /// <param name="ranking">"heuristic"; "model", trained on the simulator; or "contrary model", trained on outcomes that
    /// favour pairs sharing no occupation and no skill, which credits missing overlaps as the trial's model did.</param>
    [Theory]
    [InlineData("heuristic")]
    [InlineData("model")]
    [InlineData("contrary model")]
    public void Every_reason_states_only_what_is_true_of_its_pair(string ranking)
    {
        var random = new Random(ranking.Length);
        var model = new MatchingReadModel();
        var opportunities = new Dictionary<string, Opportunity>();
        for (var i = 0; i < 500; i++)
        {
            var o = RandomOpportunity(random, $"o{i}");
            opportunities[o.Id] = o;
            model.Apply(o);
        }
        var recommender = new Recommender(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System);
        IRanker? ranker = ranking == "heuristic" ? null : TrainedModel(contrary: ranking == "contrary model");
        var (checkedReasons, considerations) = (0, 0);
        for (var i = 0; i < 300; i++)
        {
            var newcomer = RandomNewcomer(random, $"n{i}");
            model.Apply(newcomer);
            var response = recommender.ForNewcomer(model.Newcomer(newcomer.Id)!, MatchingReadModel.AllKinds, 20, new OpportunityFilter(new HashSet<string>(), false, 0), ranker);
            foreach (var suggestion in response.Suggestions)
                foreach (var reason in suggestion.Reasons)
                {
                    var consideration = reason.TextNl.StartsWith("let op: ", StringComparison.Ordinal);
                    Check(reason, consideration, newcomer, opportunities[suggestion.OpportunityId], suggestion.DistanceKm);
                    checkedReasons++;
                    if (consideration) considerations++;
                }
        }
        Assert.True(checkedReasons > 5000, $"only {checkedReasons} reasons were checked");
        // A ranker that agrees with the facts mostly gives reasons; the contrary one counts the facts against the pairs.
        if (ranking != "contrary model") Assert.True(considerations < checkedReasons / 4, $"{considerations} of {checkedReasons} were considerations");
    }

    /// <summary>The reason's claim, read back from its Dutch sentence, against the facts of newcomer and opportunity.</summary>
    private static void Check(Reason reason, bool consideration, Newcomer n, Opportunity o, double distanceKm)
    {
        var text = consideration ? reason.TextNl["let op: ".Length..] : reason.TextNl;
        var claim = $"{reason.Kind} '{reason.TextNl}' for {n.Id} and {o.Id}";
        // A reason (not a consideration) counts for the pair.
        Assert.True(consideration || reason.Contribution > 0, $"{claim} is worded as a reason but counts {reason.Contribution}");
        switch (reason.Kind)
        {
            case ReasonKind.Distance:
                var km = double.Parse(Match(DistanceText(), text, claim).Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(km - distanceKm) <= 0.051, $"{claim}: the distance is {distanceKm}");
                break;
            case ReasonKind.DutchLevel:
                var dutch = Match(DutchText(), text, claim);
                Assert.Equal(Level(n.DutchLevel), dutch.Groups[1].Value);
                Assert.Equal(Level(o.RequiredDutchLevel), dutch.Groups[2].Value);
                if (dutch.Groups[3].Success) Assert.True(o.LanguageSupport, $"{claim}: no language support");
                if (!consideration) Assert.True(n.DutchLevel >= o.RequiredDutchLevel || o.LanguageSupport, $"{claim}: the level speaks against the pair");
                break;
            case ReasonKind.Skills:
                var skills = Match(SkillsText(), text, claim);
                var shared = n.Skills.Intersect(o.Skills).Count();
                Assert.True(shared > 0 || consideration, $"{claim}: no skill in common");
                Assert.Equal((shared, o.Skills.Count), (int.Parse(skills.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(skills.Groups[2].Value, CultureInfo.InvariantCulture)));
                break;
            case ReasonKind.Occupation:
                CheckOccupation(text, claim, n, o);
                break;
            case ReasonKind.Availability:
                var week = Match(WeekText(), text, claim);
                var common = n.Availability.DayParts.Intersect(o.Schedule.DayParts).Count();
                Assert.True(common > 0, $"{claim}: no part of the week in common");
                Assert.Equal((common, o.Schedule.DayParts.Distinct().Count(), n.Availability.HoursPerWeek, o.Schedule.HoursPerWeek),
                    (int.Parse(week.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture),
                        int.Parse(week.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(week.Groups[4].Value, CultureInfo.InvariantCulture)));
                break;
            case ReasonKind.SharedLanguage:
                var named = Match(LanguageText(), text, claim).Groups[1].Value;
                var offered = (o.Kind == OpportunityKind.LanguageBuddy && o.Buddy is not null ? o.Buddy.Languages : o.UsefulLanguages).ToHashSet();
                Assert.Contains(named, n.Languages.Select(l => l.Language).Where(offered.Contains).Select(Languages.Dutch));
                break;
            case ReasonKind.PipGoal:
                var goal = Match(GoalText(), text, claim);
                var named2 = goal.Groups[2].Value switch { "werk" => PipGoal.Work, "vrijwilligerswerk" => PipGoal.Volunteering, "een maatje" => PipGoal.Buddy, "ondernemen" => PipGoal.Entrepreneurship, _ => PipGoal.Education };
                Assert.Contains(named2, n.PipGoals);
                var direct = (named2, o.Kind) is (PipGoal.Work, OpportunityKind.WorkPlacement) or (PipGoal.Volunteering, OpportunityKind.Volunteering) or (PipGoal.Buddy, OpportunityKind.LanguageBuddy);
                Assert.True(direct == (goal.Groups[1].Value == "past bij"), $"{claim}: the goal {named2} and the kind {o.Kind}");
                break;
            case ReasonKind.Interests:
                var interests = Match(InterestsText(), text, claim);
                if (interests.Groups[1].Success)
                    foreach (var interest in interests.Groups[1].Value.Split(", "))
                        Assert.True(n.BuddyPreferences.Interests.Contains(interest) && o.Buddy.Interests.Contains(interest), $"{claim}: '{interest}' is not shared");
                else
                    Assert.True(n.BuddyPreferences.FamilyBuddy && o.Buddy.FamilyBuddy, $"{claim}: not both a family buddy");
                break;
            case ReasonKind.MapHours:
                var hours = Match(MapText(), text, claim);
                Assert.True(o.CountsTowardsMap, $"{claim}: the opportunity does not count for the MAP");
                Assert.Equal(Math.Ceiling(FeatureExtractor.MapHoursRequired - n.MapHoursDone), double.Parse(hours.Groups[1].Value, CultureInfo.InvariantCulture));
                break;
            case ReasonKind.PlacesLeft:
                var places = Match(PlacesText(), text, claim);
                Assert.Equal(o.Capacity, int.Parse(places.Groups[1].Value, CultureInfo.InvariantCulture));
                break;
            case ReasonKind.Timing:
                var timing = Match(TimingText(), text, claim);
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var starts = o.StartDate is null ? (DateOnly?)null : new DateOnly(o.StartDate.Year, o.StartDate.Month, o.StartDate.Day);
                if (timing.Groups[1].Success) Assert.Equal(starts!.Value.DayNumber - today.DayNumber, int.Parse(timing.Groups[1].Value, CultureInfo.InvariantCulture));
                else if (text.StartsWith("al begonnen", StringComparison.Ordinal)) Assert.True(starts <= today, $"{claim}: it starts {starts}");
                else Assert.Null(starts);
                break;
            default:
                Assert.Fail($"{claim}: a kind of reason this test does not know");
                break;
        }
    }

    /// <summary>The level named is the deepest ISCO-08 group the opportunity shares with one of the newcomer's occupations.</summary>
    private static void CheckOccupation(string text, string claim, Newcomer n, Opportunity o)
    {
        Assert.True(o.Occupation.Length == 4, $"{claim}: the opportunity names no occupation");
        var group = Match(OccupationText(), text, claim);
        var code = group.Groups[2].Value;
        var expectedDigits = group.Groups[1].Value switch
        {
            "ervaring in hetzelfde beroep" => 4, "ervaring in een verwant beroep, in dezelfde beroepsgroep" => 3,
            "werkte in hetzelfde soort werk (ISCO-subhoofdgroep" => 2, _ => 1,
        };
        var deepest = n.Occupations.Select(held => Enumerable.Range(0, 5).Last(d => d == 0 || held[..d] == o.Occupation[..d])).DefaultIfEmpty(0).Max();
        Assert.True(deepest > 0, $"{claim}: no ISCO-08 group in common");
        Assert.Equal(deepest, expectedDigits);
        Assert.Equal(o.Occupation[..expectedDigits], code);
    }

    private static System.Text.RegularExpressions.Match Match(Regex pattern, string text, string claim)
    {
        var match = pattern.Match(text);
        Assert.True(match.Success, $"{claim} does not read as this kind of reason");
        return match;
    }

    private static string Level(CefrLevel level) => level.ToString();

    [GeneratedRegex(@"^woont (\d+,\d) km van ")] private static partial Regex DistanceText();
    [GeneratedRegex(@"^Nederlands (\w+), gevraagd (\w+)(, met taalondersteuning op de werkvloer)?$")] private static partial Regex DutchText();
    [GeneratedRegex(@"^heeft (\d+) van de (\d+) gevraagde vaardigheden$")] private static partial Regex SkillsText();
    [GeneratedRegex(@"^(ervaring in hetzelfde beroep|ervaring in een verwant beroep, in dezelfde beroepsgroep|werkte in hetzelfde soort werk \(ISCO-subhoofdgroep|werkte in hetzelfde brede werkveld \(ISCO-hoofdgroep) ?\(?(?:ISCO )?(\d+)\)$")] private static partial Regex OccupationText();
    [GeneratedRegex(@"^beschikbaar op (\d+) van de (\d+) gevraagde dagdelen, (\d+) uur per week \(gevraagd (\d+)\)$")] private static partial Regex WeekText();
    [GeneratedRegex(@"^spreekt (.+), (?:net als het taalmaatje|handig op .+)$")] private static partial Regex LanguageText();
    [GeneratedRegex(@"^(past bij|sluit aan bij) het doel (werk|vrijwilligerswerk|een maatje|ondernemen|onderwijs) in het PIP$")] private static partial Regex GoalText();
    [GeneratedRegex(@"^(?:deelt interesses: (.+)|het taalmaatje wil ook gezinsmaatje zijn)$")] private static partial Regex InterestsText();
    [GeneratedRegex(@"^telt mee voor de MAP \(nog (\d+) uur nodig\)$")] private static partial Regex MapText();
    [GeneratedRegex(@"^nog (\d+) plaats(?:en)? vrij$")] private static partial Regex PlacesText();
    [GeneratedRegex(@"^(?:al begonnen: instromen kan nu|kan meteen beginnen|begint over (\d+) dagen)$")] private static partial Regex TimingText();

    private static RankingModel TrainedModel(bool contrary)
    {
        var trainer = new RankingTrainer();
        var rows = RankingRows.From(new OutcomeSimulator(seed: 21).Groups(1500));
        var (occupation, skills) = (Array.IndexOf(FeatureVector.Names, "occupation_level"), Array.IndexOf(FeatureVector.Names, "skill_overlap"));
        // Outcomes where the typical pair shares an occupation group and skills, yet the ones that share none do best.
        var random = new Random(5);
        if (contrary)
            foreach (var row in rows)
            {
                (row.Features[occupation], row.Features[skills]) = (random.Next(0, 5), random.Next(0, 4));
                row.Label = (row.Features[occupation] == 0 ? 3 : 0) + (row.Features[skills] == 0 ? 1 : 0);
            }
        var trained = trainer.Train(rows, trees: 60);
        var version = new ModelVersion { Id = "model-truth-test", Features = { FeatureVector.Names } };
        version.Baseline.Add(Enumerable.Range(0, FeatureVector.Length).Select(i => rows.Select(r => r.Features[i]).Order().ElementAt(rows.Count / 2)));
        return ModelRegistry.Build(version, trainer.Save(trained));
    }

    private static Newcomer RandomNewcomer(Random random, string id)
    {
        var n = Sample.Newcomer(id, n =>
        {
            n.DutchLevel = (CefrLevel)random.Next(1, 5);
            n.Home = new GeoPoint { Latitude = Sample.Latitude + (random.NextDouble() - 0.5) * 0.1, Longitude = Sample.Longitude + (random.NextDouble() - 0.5) * 0.15 };
            n.Occupations.Clear();
            n.Occupations.Add(Pick(random, Occupations, random.Next(0, 3)));
            n.Skills.Clear();
            n.Skills.Add(Pick(random, SkillPool, random.Next(0, 4)));
            n.Languages.Clear();
            n.Languages.Add(Pick(random, LanguagePool, random.Next(1, 3)).Select(l => new LanguageSkill { Language = l, Level = CefrLevel.B2 }));
            n.PipGoals.Clear();
            n.PipGoals.Add(Pick(random, [PipGoal.Work, PipGoal.Volunteering, PipGoal.Buddy, PipGoal.Education, PipGoal.Entrepreneurship], random.Next(1, 3)));
            n.Availability = new Availability { HoursPerWeek = random.Next(4, 40), DayParts = { Pick(random, Week, random.Next(3, 10)) } };
            n.MapHoursDone = random.Next(0, 2) == 0 ? 0 : random.Next(0, 80);
            n.MaxTravelKm = random.Next(4, 15);
            n.BuddyPreferences = new BuddyPreferences { Interests = { Pick(random, InterestPool, random.Next(0, 3)) }, FamilyBuddy = random.Next(0, 3) == 0 };
        });
        return n;
    }

    private static Opportunity RandomOpportunity(Random random, string id) => Sample.Opportunity(id, (random.NextDouble() - 0.5) * 10, o =>
    {
        o.Kind = (OpportunityKind)random.Next(1, 4);
        o.Location.Longitude += (random.NextDouble() - 0.5) * 0.15;
        o.RequiredDutchLevel = (CefrLevel)random.Next(1, 5);
        o.LanguageSupport = random.Next(0, 2) == 0;
        o.Occupation = o.Kind == OpportunityKind.WorkPlacement || random.Next(0, 2) == 0 ? Occupations[random.Next(Occupations.Length)] : "";
        o.Skills.Clear();
        o.Skills.Add(Pick(random, SkillPool, random.Next(0, 4)));
        o.UsefulLanguages.Add(Pick(random, LanguagePool, random.Next(0, 2)));
        o.Schedule = new Availability { HoursPerWeek = random.Next(2, 32), DayParts = { Pick(random, Week, random.Next(1, 6)) } };
        o.Capacity = o.Kind == OpportunityKind.LanguageBuddy ? random.Next(1, 4) : random.Next(1, 5);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(-30, 60));
        if (random.Next(0, 2) == 0) o.StartDate = new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day };
        o.CountsTowardsMap = random.Next(0, 2) == 0;
        if (o.Kind == OpportunityKind.LanguageBuddy)
            o.Buddy = new BuddyOffer { Languages = { Pick(random, LanguagePool, random.Next(0, 2)) }, Interests = { Pick(random, InterestPool, random.Next(0, 3)) }, FamilyBuddy = random.Next(0, 2) == 0 };
    });

    private static IEnumerable<T> Pick<T>(Random random, T[] from, int count) => from.OrderBy(_ => random.Next()).Take(count).ToList();
}
