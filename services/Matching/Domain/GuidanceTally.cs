using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The counts of the PIP guidance for one newcomer, gathered while the caller walks the spots once:
/// the spots eligible now, and for every <see cref="ProfileChange"/> the spots it makes eligible.
/// Only pairs whose heuristic bound reaches <see cref="IRanker.GoodBound"/> can be good: a block
/// whose bound, for the newcomer now and with each kind of change at its most (<see cref="Hopes"/>),
/// is under it has its spots counted and nothing more for that kind. Of the rest,
/// the best <paramref name="scored"/> by that bound, for the newcomer as they are and for each change,
/// are scored by the ranker in force. A change's good gain counts the newly eligible pairs that are
/// good and the pairs eligible now that become good; the heuristic's fits only grow with each
/// change, so no good pair stops being good.
/// </summary>
public sealed class GuidanceTally(NewcomerEntry n, IEnumerable<ProfileChange> tried, IRanker ranker, DateOnly today, int scored = GuidanceTally.Scored)
{
    /// <summary>How many pairs the ranker scores at most for the newcomer as they are, and for each change.</summary>
    public const int Scored = 200;

    private readonly List<ProfileChange> changes = [];
    private readonly List<int> opened = [];
    private readonly List<TopList<OpportunityEntry>> candidates = [];
    private readonly List<(OpportunitySpot[] Spots, int Index, double Distance, int Hopes)> eligible = [];
    private readonly TopList<OpportunityEntry> now = new(scored);
    private readonly HashSet<OpportunityEntry> goodNow = new(ReferenceEqualityComparer.Instance);
        private int eligibleCount;

    public IReadOnlyList<ProfileChange> Changes => changes;

    /// <summary>The opportunities eligible now that a skill could make good, after <see cref="CountGoodNow"/>.</summary>
    public IEnumerable<OpportunityEntry> Improvable =>
        eligible.Where(e => (e.Hopes & 1 << (int)PipChangeKind.Skill) != 0).Select(e => e.Spots[e.Index].Entry);

    public int EligibleCount => eligibleCount;

    /// <summary>Good pairs now, once <see cref="CountGoodNow"/> has run.</summary>
    public int GoodCount => goodNow.Count;

    /// <summary>
    /// Which kinds of change could make a spot of the block good, at least this far, as bits
    /// 1 &lt;&lt; <see cref="PipChangeKind"/>, and bit 0 when a spot could be good now. Each kind is bounded
    /// at its most: two Dutch steps, the widest reach, the most hours, the whole week, the skills
    /// asked all met; each fit only grows with each change, so a single change is bounded too.
    /// </summary>
    public int Hopes(in SpotBlock b, double distanceKm)
    {
        var hopes = 0;
        var now = FeatureExtractor.Optimistic(n, b, distanceKm);
        if (Reaches(now)) hopes |= 1;
        foreach (var (kind, most) in mostOfKind)
            if (Reaches(FeatureExtractor.Optimistic(most, b, distanceKm))) hopes |= 1 << (int)kind;
        if (b.MinSkillCount < int.MaxValue && Reaches(now with { SkillShare = 1 })) hopes |= 1 << (int)PipChangeKind.Skill;
        return hopes;
    }

    private readonly (PipChangeKind Kind, NewcomerEntry Most)[] mostOfKind = [.. tried.GroupBy(c => c.Kind).Select(kind => (kind.Key, kind.Key switch
    {
        PipChangeKind.DutchLevel => n with { Dutch = kind.Max(c => c.Changed.Dutch) },
        PipChangeKind.TravelDistance => n with { MaxKm = kind.Max(c => c.Changed.MaxKm) },
        PipChangeKind.Hours => n with { Hours = kind.Max(c => c.Changed.Hours) },
        _ => n with { WeekMask = kind.Aggregate(n.WeekMask, (mask, c) => mask | c.PartBit) },
    }))];

    private bool Reaches(in FitFeatures bound) => HeuristicRanker.Score(bound) >= ranker.GoodBound;

    /// <returns>The change's index.</returns>
    public int Add(ProfileChange change)
    {
        changes.Add(change);
        opened.Add(0);
        candidates.Add(new TopList<OpportunityEntry>(scored));
        return changes.Count - 1;
    }

    /// <summary>A spot eligible for the newcomer as they are (spots[index]), in a block with these <see cref="Hopes"/>.</summary>
    public void Eligible(OpportunitySpot[] spots, int index, double distance, int hopes)
    {
        eligibleCount++;
        if ((hopes & 1) != 0) Offer(now, n, spots[index], distance);
        if ((hopes & ~1) != 0) eligible.Add((spots, index, distance, hopes));
    }

    /// <summary>A spot that the change makes eligible, in a block with these <see cref="Hopes"/>.</summary>
    public void Opens(int change, in OpportunitySpot o, double distance, int hopes)
    {
        opened[change]++;
        if ((hopes & 1 << (int)changes[change].Kind) != 0) Offer(candidates[change], changes[change].Changed, o, distance);
    }

    /// <summary>
    /// Scores the best pairs now: those good now do not count as a gain again. The rest keep only the
    /// kinds of change whose bound at their most reaches the good bound for the spot itself.
    /// </summary>
    public int CountGoodNow()
    {
        foreach (var (_, distance, o) in now.Items())
            if (IsGood(n, o, distance)) goodNow.Add(o);
        var kept = 0;
        for (var e = 0; e < eligible.Count; e++)
        {
            var (spots, index, distance, hopes) = eligible[e];
            ref readonly var o = ref spots[index];
            if (goodNow.Contains(o.Entry)) continue;
            var spotHopes = 0;
            var bound = FeatureExtractor.Optimistic(n, o, distance);
            foreach (var (kind, most) in mostOfKind)
                if ((hopes & 1 << (int)kind) != 0 && Reaches(FeatureExtractor.Optimistic(bound, most, o))) spotHopes |= 1 << (int)kind;
            if ((hopes & 1 << (int)PipChangeKind.Skill) != 0 && o.SkillCount > 0 && Reaches(bound with { SkillShare = 1 }))
                spotHopes |= 1 << (int)PipChangeKind.Skill;
            if (spotHopes != 0) eligible[kept++] = (spots, index, distance, spotHopes);
        }
        eligible.RemoveRange(kept, eligible.Count - kept);
        return goodNow.Count;
    }

    /// <summary>Offers every pair eligible now, not good now and hopeful, to each change that raises one of its fits (after <see cref="CountGoodNow"/>).</summary>
    public void OfferImproved()
    {
        foreach (var (spots, index, distance, hopes) in eligible)
        {
            ref readonly var o = ref spots[index];
            var bound = FeatureExtractor.Optimistic(n, o, distance);
            for (var c = 0; c < changes.Count; c++)
                if ((hopes & 1 << (int)changes[c].Kind) != 0 && changes[c].Improves(n, o)) Offer(candidates[c], changes[c], o, distance, bound);
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

    private void Offer(TopList<OpportunityEntry> into, NewcomerEntry with, in OpportunitySpot o, double distance) =>
        Offer(into, o, distance, FeatureExtractor.Optimistic(with, o, distance));

    /// <summary>Offers the pair to the change's candidates, its bound worked out from the spot's bound for the newcomer as they are (<paramref name="now"/>).</summary>
    private void Offer(TopList<OpportunityEntry> into, ProfileChange change, in OpportunitySpot o, double distance, in FitFeatures now) =>
        Offer(into, o, distance, change.Kind == PipChangeKind.Skill ? FeatureExtractor.Optimistic(change.Changed, o, distance) : FeatureExtractor.Optimistic(now, change.Changed, o));

    private void Offer(TopList<OpportunityEntry> into, in OpportunitySpot o, double distance, in FitFeatures features)
    {
        var bound = HeuristicRanker.Score(features);
        if (bound >= ranker.GoodBound) into.Offer(bound, distance, o.Id, o.Entry);
    }
}
