namespace Newcomers.Matching.Fairness;

/// <summary>
/// What one ranker did to each newcomer it showed, keyed by newcomer id (in memory only): the
/// exposure it gave them in rankings of newcomers, how many of its suggestions were theirs, and how
/// many of those were proposed, accepted and started.
/// </summary>
public sealed class RankerExposure(string ranker)
{
    private readonly Dictionary<string, double> exposure = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal);

    public string Ranker => ranker;

    /// <summary>Rankings of newcomers (lists for an opportunity) shown.</summary>
    public int Rankings { get; private set; }

    /// <summary>Every newcomer shown, in any list.</summary>
    public IEnumerable<string> Newcomers => counts.Keys;

    public double ExposureOf(string newcomerId) => exposure.GetValueOrDefault(newcomerId);

    /// <summary>The newcomer's suggestions shown (stage 0), and of them those proposed (1), accepted (2) and started (3).</summary>
    public int Count(string newcomerId, int stage) => counts.TryGetValue(newcomerId, out var c) ? c[stage] : 0;

    /// <summary>The position weight of Singh and Joachims: 1 / log2(1 + rank), rank from 1.</summary>
    public static double Weight(int rank) => 1 / Math.Log2(1 + rank);

    /// <summary>A ranking of newcomers as shown, each suggestion taken no further: the newcomer at each rank (from 1).</summary>
    public RankerExposure Ranking(IEnumerable<(string NewcomerId, int Rank)> shown)
    {
        StartRanking();
        foreach (var (id, rank) in shown) Exposed(id, rank).Shown(id, 0);
        return this;
    }

    public RankerExposure StartRanking()
    {
        Rankings++;
        return this;
    }

    /// <summary>The newcomer was at this rank of the ranking started last.</summary>
    public RankerExposure Exposed(string newcomerId, int rank)
    {
        exposure[newcomerId] = exposure.GetValueOrDefault(newcomerId) + Weight(rank);
        return this;
    }

    /// <summary>A suggestion of the newcomer was shown (in any list) and got this far: 0 not proposed, 1 proposed, 2 accepted, 3 started or further.</summary>
    public RankerExposure Shown(string newcomerId, int stage)
    {
        if (!counts.TryGetValue(newcomerId, out var c)) counts[newcomerId] = c = new int[4];
        for (var s = 0; s <= Math.Min(stage, 3); s++) c[s]++;
        return this;
    }
}
