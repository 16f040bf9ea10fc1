namespace Newcomers.Matching.Domain;

/// <summary>
/// The counts of the PIP guidance for one newcomer, gathered while the caller walks the spots once:
/// the spots eligible now, and for every <see cref="ProfileChange"/> the spots it makes eligible.
/// Only pairs whose heuristic bound reaches <see cref="IRanker.GoodBound"/> can be good, and of those
/// the best <paramref name="scored"/> by that bound, for the newcomer as they are and for each change,
/// are scored by the ranker in force. A change's good gain counts the newly eligible pairs that are
/// good and the pairs eligible now that become good; the heuristic's fits only grow with each
/// change, so no good pair stops being good.
/// </summary>
public sealed class GuidanceTally(NewcomerEntry n, IRanker ranker, DateOnly today, int scored = GuidanceTally.Scored)
{
    /// <summary>How many pairs the ranker scores at most for the newcomer as they are, and for each change.</summary>
    public const int Scored = 200;

    private readonly List<ProfileChange> changes = [];
    private readonly List<int> opened = [];
    private readonly List<TopList<OpportunityEntry>> candidates = [];
    private readonly List<(OpportunitySpot[] Spots, int Index, double Distance)> eligible = [];
    private readonly TopList<OpportunityEntry> now = new(scored);
    private readonly HashSet<OpportunityEntry> goodNow = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<ProfileChange> Changes => changes;

    /// <summary>The opportunities eligible now, as the spots they were offered from.</summary>
    public IEnumerable<OpportunityEntry> EligibleNow => eligible.Select(e => e.Spots[e.Index].Entry);

    public int EligibleCount => eligible.Count;

    /// <summary>Good pairs now, once <see cref="CountGoodNow"/> has run.</summary>
    public int GoodCount => goodNow.Count;

    /// <returns>The change's index.</returns>
    public int Add(ProfileChange change)
    {
        changes.Add(change);
        opened.Add(0);
        candidates.Add(new TopList<OpportunityEntry>(scored));
        return changes.Count - 1;
    }

    /// <summary>A spot eligible for the newcomer as they are (spots[index]).</summary>
    public void Eligible(OpportunitySpot[] spots, int index, double distance)
    {
        eligible.Add((spots, index, distance));
        Offer(now, n, spots[index], distance);
    }

    /// <summary>A spot that the change makes eligible.</summary>
    public void Opens(int change, in OpportunitySpot o, double distance)
    {
        opened[change]++;
        Offer(candidates[change], changes[change].Changed, o, distance);
    }

    /// <summary>Scores the best pairs now: those good now do not count as a gain again.</summary>
    public int CountGoodNow()
    {
        foreach (var (_, distance, o) in now.Items())
            if (IsGood(n, o, distance)) goodNow.Add(o);
        return goodNow.Count;
    }

    /// <summary>Offers every pair eligible now and not good now to each change that raises one of its fits.</summary>
    public void OfferImproved()
    {
        foreach (var (spots, index, distance) in eligible)
        {
            ref readonly var o = ref spots[index];
            if (goodNow.Contains(o.Entry)) continue;
            for (var c = 0; c < changes.Count; c++)
                if (changes[c].Improves(n, o)) Offer(candidates[c], changes[c].Changed, o, distance);
        }
    }

    /// <summary>What the change opens: eligible ones, and good ones beyond those good now.</summary>
    public (int Eligible, int Good) Gain(int change)
    {
        var good = 0;
        foreach (var (_, distance, o) in candidates[change].Items())
            if (IsGood(changes[change].Changed, o, distance)) good++;
        return (opened[change], good);
    }

    private bool IsGood(NewcomerEntry with, OpportunityEntry o, double distance) =>
        ranker.DisplayScore(ranker.Score(FeatureExtractor.Extract(with, o, distance, today))) >= ranker.GoodScore;

    private void Offer(TopList<OpportunityEntry> into, NewcomerEntry with, in OpportunitySpot o, double distance)
    {
        var bound = HeuristicRanker.Score(FeatureExtractor.Optimistic(with, o, distance));
        if (bound >= ranker.GoodBound) into.Offer(bound, distance, o.Id, o.Entry);
    }
}
