using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// A simulated cohort (<see cref="OutcomeSimulator.Cohort"/>): the newcomers and the shared pool of
/// opportunities as the services hold them, and the hidden utility of every pair, which no ranker
/// sees: the one the simulator's outcomes follow, with noise that is a function of the seed and the
/// pair alone, so a pair's utility is the same whatever else is asked and in whatever order.
/// </summary>
public sealed class SimulatedCohort
{
    private const double NoiseWidth = 0.35;
    private readonly int seed;
    private readonly NewcomerEntry[] newcomerEntries;
    private readonly OpportunityEntry[] opportunityEntries;
    private readonly int[] preferredMajor;
    private readonly double[] kindLiking;
    private readonly Dictionary<string, int> newcomerIndex;
    private readonly Dictionary<string, int> opportunityIndex;

    internal SimulatedCohort(int seed, IReadOnlyList<Newcomer> newcomers, IReadOnlyList<Opportunity> opportunities, int[] preferredMajor, double[] kindLiking)
    {
        this.seed = seed;
        this.preferredMajor = preferredMajor;
        this.kindLiking = kindLiking;
        Newcomers = newcomers;
        Opportunities = opportunities;
        var vocabulary = new Vocabulary();
        newcomerEntries = [.. newcomers.Select(n => NewcomerEntry.From(n, vocabulary))];
        opportunityEntries = [.. opportunities.Select(o => OpportunityEntry.From(o, vocabulary, new PlaceCounter()))];
        newcomerIndex = newcomers.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        opportunityIndex = opportunities.Select((o, j) => (o.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
    }

    public IReadOnlyList<Newcomer> Newcomers { get; }

    /// <summary>The pool: open, of one kind, each with 1 to 3 places.</summary>
    public IReadOnlyList<Opportunity> Opportunities { get; }

    /// <summary>The hidden utility of a newcomer at an opportunity, by their places in the lists.</summary>
    public double Utility(int newcomer, int opportunity)
    {
        var (n, o) = (newcomerEntries[newcomer], opportunityEntries[opportunity]);
        var features = FeatureExtractor.Extract(n, o, Geo.DistanceKm(n.Latitude, n.Longitude, o.Latitude, o.Longitude), OutcomeSimulator.Today);
        return OutcomeSimulator.Utility(features, o.Occupation / 1000 == preferredMajor[newcomer], kindLiking[newcomer]) + NoiseWidth * Noise(newcomer, opportunity);
    }

    /// <summary>The hidden utility of a pair by ids.</summary>
    public double Utility(string newcomerId, string opportunityId) => Utility(newcomerIndex[newcomerId], opportunityIndex[opportunityId]);

    /// <summary>What the match would become, as the simulator grades it: 0 (not taken up) to 4 (completed).</summary>
    public int Grade(string newcomerId, string opportunityId) => OutcomeSimulator.Grade(Utility(newcomerId, opportunityId));

    /// <summary>A standard normal draw from the seed and the pair alone (SplitMix64, then Box–Muller).</summary>
    private double Noise(int newcomer, int opportunity)
    {
        var key = Mix((uint)seed) ^ ((ulong)(uint)newcomer << 32 | (uint)opportunity);
        var (first, second) = (Unit(Mix(key)), Unit(Mix(key ^ 0xD1B54A32D192ED03)));
        return Math.Sqrt(-2 * Math.Log(1 - first)) * Math.Sin(2 * Math.PI * second);
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ x >> 30) * 0xBF58476D1CE4E5B9;
        x = (x ^ x >> 27) * 0x94D049BB133111EB;
        return x ^ x >> 31;
    }

    /// <summary>The top 53 bits as a number in [0, 1).</summary>
    private static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
