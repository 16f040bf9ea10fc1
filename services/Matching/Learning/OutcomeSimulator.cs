using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Learning;

/// <summary>
/// Synthetic outcomes, so a fresh install has a model and evaluation is reproducible. All data is
/// invented. Each group is a newcomer and candidates that pass the hard constraints; what happens
/// to a candidate follows a hidden utility the model never sees:
/// <list type="bullet">
/// <item>true interest: a hidden preferred occupational group (the stated occupation's major group
/// for most newcomers) and a hidden liking per kind (stronger for kinds in the PIP);</item>
/// <item>language: at or above the level asked is fine; one step under works mainly with support;</item>
/// <item>commute: acceptance falls off steeply beyond about half the newcomer's travel limit;</item>
/// <item>schedule: overlap of the week, and enough hours;</item>
/// <item>noise.</item>
/// </list>
/// The utility is graded into labels 0 (not taken up) to 4 (completed). Features come from the one
/// <see cref="FeatureExtractor"/>, and protected attributes play no part. <see cref="Cohort"/> draws
/// newcomers with one shared pool of opportunities instead, for cohort assignment.
/// </summary>
/// <param name="positionBias">
/// The position effect: a suggestion at place k of the list (in the heuristic's order) is looked at
/// with probability (1/k)^positionBias, and one not looked at is not taken up whatever its fit. 0, the
/// default, has no effect; 1 is a strong effect such as search lists show.
/// </param>
public sealed partial class OutcomeSimulator(int seed, double positionBias = 0)
{
    internal static readonly DateOnly Today = new(2026, 1, 5);
    // The common skills (features of their own) among many rarer ones.
    private static readonly string[] Skills = [.. CommonSkills.Names, .. Enumerable.Range(0, 44).Select(i => $"s{i}")];
    private static readonly string[] Languages = ["ar", "ti", "fa", "uk", "so", "en", "fr", "tr"];
    private static readonly string[] Interests = ["koken", "fietsen", "wandelen", "voetbal", "muziek", "tuinieren", "lezen", "naaien"];

    public IEnumerable<SimulatedGroup> Groups(int count, int candidatesPerGroup = 20)
    {
        var random = new Random(seed);
        var looking = new Random(seed + 7919);
        var vocabulary = new Vocabulary();
        for (var group = 0; group < count; group++)
        {
            var newcomer = NewcomerEntry.From(Newcomer(random), vocabulary);
            var preferredMajor = random.NextDouble() < 0.75 ? newcomer.Occupations[0] / 1000 : random.Next(1, 10);
            double[] kindLiking = [0, .. MatchingReadModel.AllKinds.Select(kind => newcomer.GoalFitByKind[(int)kind] * 0.6 + random.NextDouble() * 0.6)];
            var candidates = new List<(FitFeatures Features, double Heuristic, int Grade)>(candidatesPerGroup);
            for (var i = 0; i < candidatesPerGroup; i++)
            {
                var opportunity = OpportunityEntry.From(Opportunity(random, newcomer, i), vocabulary, new PlaceCounter());
                var distance = Geo.DistanceKm(newcomer.Latitude, newcomer.Longitude, opportunity.Latitude, opportunity.Longitude);
                var features = FeatureExtractor.Extract(newcomer, opportunity, distance, Today);
                var utility = Utility(features, opportunity.Occupation / 1000 == preferredMajor, kindLiking[(int)opportunity.Kind]) + Gaussian(random) * 0.35;
                candidates.Add((features, HeuristicRanker.Score(features), Grade(utility)));
            }
            // Shown in the heuristic's order; the position effect draws from a generator of its own, so the rest stays the same.
            var order = candidates.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Heuristic).Select((x, rank) => (x.i, Position: rank + 1)).ToDictionary(x => x.i, x => x.Position);
            var pairs = candidates.Select((c, i) =>
            {
                var position = order[i];
                var seen = positionBias == 0 || looking.NextDouble() < Math.Pow(1.0 / position, positionBias);
                return new SimulatedPair(c.Features, c.Heuristic, seen ? c.Grade : 0, position, c.Grade);
            }).ToList();
            yield return new SimulatedGroup(group, pairs);
        }
    }

    internal static double Utility(in FitFeatures f, bool interested, double kindLiking)
    {
        var interest = (interested ? 0.8 : 0) + (f.OccupationLevel == 4 ? 0.4 : 0) + kindLiking;
        var language = f.DutchGap >= 0 ? 1 : f.LanguageSupport ? 0.75 : 0.15;
        var commute = 1 / (1 + Math.Exp((f.DistanceShare - 0.5) / 0.08));
        var schedule = f.ScheduleShare * f.ScheduleShare * 0.8 + (f.HoursShare >= 0.75 ? 0.3 : 0);
        var buddy = f.Kind == OpportunityKind.LanguageBuddy ? 0.4 * Math.Min(1, f.InterestOverlap) + 0.3 * Math.Min(1, f.SharedLanguages) : 0;
        return 1.2 * interest + 1.0 * language + 1.1 * commute + schedule + buddy + 0.3 * f.SkillShare + 0.2 * f.MapNeed;
    }

    internal static int Grade(double utility) => utility switch { > 4.0 => 4, > 3.6 => 3, > 3.3 => 2, > 3.0 => 1, _ => 0 };

    private static Newcomer Newcomer(Random random)
    {
        var goals = new List<PipGoal> { random.NextDouble() < 0.6 ? PipGoal.Work : PipGoal.Volunteering };
        if (random.NextDouble() < 0.5) goals.Add(PipGoal.Buddy);
        return new Newcomer
        {
            Id = $"sim-{random.Next()}", Home = new GeoPoint { Latitude = 52.1 + random.NextDouble() * 0.2, Longitude = 5.1 + random.NextDouble() * 0.3 },
            DutchLevel = (CefrLevel)random.Next(1, 6), Languages = { Pick(random, Languages, random.Next(1, 3)).Select(l => new LanguageSkill { Language = l, Level = CefrLevel.B2 }) },
            PipGoals = { goals.Distinct() }, MapHoursDone = random.Next(0, 5) * 10, Occupations = { $"{random.Next(1, 10)}{random.Next(100, 1000)}" },
            Skills = { Pick(random, Skills, random.Next(0, 6)) },
            Availability = new Availability { HoursPerWeek = random.Next(1, 5) * 8, DayParts = { Parts(random, 3, 10) } },
            MaxTravelKm = new[] { 5, 10, 15, 25 }[random.Next(4)], Consent = new Consent { Matching = true },
            BuddyPreferences = new BuddyPreferences { Interests = { Pick(random, Interests, random.Next(0, 3)) }, FamilyBuddy = random.NextDouble() < 0.2 },
        };
    }

    /// <summary>A candidate that passes the hard constraints: within reach, Dutch at most one step short, a shared part of the week.</summary>
    private static Opportunity Opportunity(Random random, NewcomerEntry n, int index)
    {
        var kind = (OpportunityKind)random.Next(1, 4);
        var bearing = random.NextDouble() * 2 * Math.PI;
        var km = n.MaxKm * Math.Sqrt(random.NextDouble());
        var occupation = random.NextDouble() < 0.3 ? n.Occupations[0] / 100 * 100 + random.Next(0, 100) : random.Next(1000, 10000);
        if (random.NextDouble() < 0.1) occupation = n.Occupations[0];
        var parts = Parts(random, 1, 6).ToList();
        var shared = Enumerable.Range(0, 21).Where(bit => (n.WeekMask >> bit & 1) == 1).ToList();
        parts.Add((DayPart)(shared[random.Next(shared.Count)] + 1));
        return new Opportunity
        {
            Id = $"o{index}", Kind = kind, Title = "sim", Occupation = $"{occupation}",
            RequiredDutchLevel = (CefrLevel)Math.Clamp(n.Dutch + 1 + random.Next(-3, 2), 1, 7),
            Skills = { Pick(random, Skills, random.Next(0, 5)) }, UsefulLanguages = { Pick(random, Languages, random.Next(0, 2)) },
            Schedule = new Availability { HoursPerWeek = random.Next(1, 9) * 4, DayParts = { parts.Distinct() } },
            Location = new GeoPoint { Latitude = n.Latitude + km * Math.Cos(bearing) / Geo.KmPerDegreeLatitude, Longitude = n.Longitude + km * Math.Sin(bearing) / Geo.KmPerDegreeLongitude(n.Latitude) },
            Capacity = random.Next(1, 4), LanguageSupport = random.NextDouble() < 0.4, CountsTowardsMap = kind != OpportunityKind.LanguageBuddy && random.NextDouble() < 0.8,
            Buddy = kind == OpportunityKind.LanguageBuddy ? new BuddyOffer { Languages = { Pick(random, Languages, random.Next(0, 3)) }, Interests = { Pick(random, Interests, random.Next(0, 4)) }, FamilyBuddy = random.NextDouble() < 0.3 } : null,
        };
    }

    private static IEnumerable<DayPart> Parts(Random random, int min, int max) =>
        Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (DayPart)(1 + random.Next(5) * 3 + random.Next(2)));

    private static IEnumerable<string> Pick(Random random, string[] from, int count) => from.OrderBy(_ => random.Next()).Take(count);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Sin(2 * Math.PI * random.NextDouble());
}
