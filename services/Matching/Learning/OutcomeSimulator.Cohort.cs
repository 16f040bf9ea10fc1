using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>The simulator's cohort: newcomers and one shared pool of opportunities with places, as a municipality assigns them together.</summary>
public sealed partial class OutcomeSimulator
{
    /// <summary>The municipality whose area the simulator's newcomers live in (Utrecht and around).</summary>
    public const string CohortMunicipality = "GM0344";

    public const string CohortProvider = "sim-provider";

    /// <summary>
    /// <paramref name="newcomers"/> newcomers drawn as for <see cref="Groups"/>, and a pool of
    /// <paramref name="opportunities"/> open opportunities of one kind spread over the same area,
    /// each with 1 to 3 places. Unlike a group's candidates they are not drawn to pass the hard
    /// constraints of any one newcomer: some pairs are eligible, many are not. Each newcomer's
    /// hidden interest is drawn as in a group. A generator of its own, so <see cref="Groups"/> stays
    /// as it was.
    /// </summary>
    public SimulatedCohort Cohort(int newcomers, int opportunities, OpportunityKind kind = OpportunityKind.WorkPlacement)
    {
        var random = new Random(seed + 104_729);
        var vocabulary = new Vocabulary();
        var people = new List<Newcomer>(newcomers);
        var preferredMajor = new int[newcomers];
        var kindLiking = new double[newcomers];
        for (var i = 0; i < newcomers; i++)
        {
            var newcomer = Newcomer(random);
            newcomer.Id = $"sim-n{i}";
            newcomer.Version = 1;
            newcomer.MunicipalityCode = CohortMunicipality;
            newcomer.Status = NewcomerStatus.Active;
            var entry = NewcomerEntry.From(newcomer, vocabulary);
            preferredMajor[i] = random.NextDouble() < 0.75 ? entry.Occupations[0] / 1000 : random.Next(1, 10);
            kindLiking[i] = entry.GoalFitByKind[(int)kind] * 0.6 + random.NextDouble() * 0.6;
            people.Add(newcomer);
        }
        var pool = new List<Opportunity>(opportunities);
        for (var j = 0; j < opportunities; j++) pool.Add(PoolOpportunity(random, kind, people[random.Next(newcomers)], j));
        return new SimulatedCohort(seed, people, pool, preferredMajor, kindLiking);
    }

    /// <summary>An opportunity anywhere in the newcomers' area; its occupation is near a newcomer's now and then, as in a group.</summary>
    private static Opportunity PoolOpportunity(Random random, OpportunityKind kind, Newcomer near, int index)
    {
        var occupation = int.Parse(near.Occupations[0], System.Globalization.CultureInfo.InvariantCulture);
        occupation = random.NextDouble() < 0.3 ? occupation / 100 * 100 + random.Next(0, 100) : random.Next(1000, 10000);
        if (random.NextDouble() < 0.1) occupation = int.Parse(near.Occupations[0], System.Globalization.CultureInfo.InvariantCulture);
        return new Opportunity
        {
            Id = $"sim-o{index}", Version = 1, ProviderId = CohortProvider, MunicipalityCode = CohortMunicipality, Kind = kind, Title = $"sim {index}",
            Status = OpportunityStatus.Open, Occupation = $"{occupation}", RequiredDutchLevel = (CefrLevel)random.Next(1, 6),
            Skills = { Pick(random, Skills, random.Next(0, 5)) }, UsefulLanguages = { Pick(random, Languages, random.Next(0, 2)) },
            Schedule = new Availability { HoursPerWeek = random.Next(1, 9) * 4, DayParts = { Parts(random, 1, 6).Distinct() } },
            Location = new GeoPoint { Latitude = 52.1 + random.NextDouble() * 0.2, Longitude = 5.1 + random.NextDouble() * 0.3 },
            Capacity = random.Next(1, 4), LanguageSupport = random.NextDouble() < 0.4, CountsTowardsMap = kind != OpportunityKind.LanguageBuddy && random.NextDouble() < 0.8,
            Buddy = kind == OpportunityKind.LanguageBuddy ? new BuddyOffer { Languages = { Pick(random, Languages, random.Next(0, 3)) }, Interests = { Pick(random, Interests, random.Next(0, 4)) } } : null,
        };
    }
}
