using System.Runtime.InteropServices;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The counts of the PIP guidance for one newcomer, gathered while the caller walks the spots once:
/// the spots eligible now, and for every <see cref="ProfileChange"/> the spots it makes eligible.
/// Only pairs whose heuristic score, now or with a change, reaches <see cref="IRanker.GoodBound"/> can be
/// good. A change moves one fit of a pair (<see cref="FeatureExtractor.Moved"/>), so its score with the
/// change is its score now plus the change's <see cref="HeuristicRanker.Gain"/>. Bounds prune first: a block
/// whose bound, now and with each kind of change at the most a single change moves it, is under the good
/// bound has its spots counted and nothing more (<see cref="Hopes"/>), and so has a spot whose bound is;
/// only the rest have their shared skills, languages and interests counted (<see cref="FeatureExtractor.Shared"/>).
/// With the heuristic in force that score is the score: every pair good now is counted, and a change's good
/// gain is every pair it lifts to the good score, up to <paramref name="scored"/> a change. Another ranker
/// scores the best <paramref name="scored"/> by the heuristic's score, now and for each change. A change's
/// good gain counts the newly eligible pairs that are good and the pairs eligible now that become good; the
/// heuristic's fits only grow with each change, so no good pair stops being good.
/// </summary>
public sealed partial class GuidanceTally(NewcomerEntry n, IEnumerable<ProfileChange> tried, IRanker ranker, DateOnly today, int scored = GuidanceTally.Scored)
{
    /// <summary>How many pairs the ranker scores at most for the newcomer as they are, and for each change.</summary>
    public const int Scored = 200;

    // A bound plus a gain sums the terms in another order than the score: a hair of slack keeps a pair whose bound rounds under the good bound.
    private readonly double goodBound = ranker.GoodBound - 1e-9;
    private readonly double widestKm = ProfileChanges.WidestKm(n, tried);
    private readonly double[] mostGain = [.. Enum.GetValues<OpportunityKind>().Select(kind => kind == OpportunityKind.Unspecified ? 0
        : HeuristicRanker.MostGain(kind, 1 - n.MaxKm / ProfileChanges.WidestKm(n, tried)))];
    private readonly List<ProfileChange> changes = [];
    private readonly List<int> opened = [];
    private readonly List<TopList<OpportunityEntry>> candidates = [];
    private readonly List<Hopeful> hopeful = [];
    private readonly TopList<OpportunityEntry> now = new(scored);
    private readonly HashSet<OpportunityEntry> goodNow = new(ReferenceEqualityComparer.Instance);

    // With the heuristic in force a pair's heuristic score is its score: a pair good now is counted at once and kept from
    // the pairs a change could make good, and no pair is scored again.
    private readonly bool heuristic = ranker is HeuristicRanker;
    private int heuristicGoodNow;
    private int eligibleCount;

    /// <summary>A pair eligible now whose score with some kinds of change at their most (<see cref="Hopes"/>' bits) reaches the good bound: small, its features are extracted again when offered.</summary>
    private readonly record struct Hopeful(OpportunitySpot[] Spots, int Index, double Distance, int Hopes);

    /// <summary>The newcomer changed as far as the changes of each kind go: the highest Dutch level, the widest reach, the most hours tried.</summary>
    private readonly NewcomerEntry furthest = n with
    {
        Dutch = tried.Where(c => c.Kind == PipChangeKind.DutchLevel).Select(c => c.Changed.Dutch).DefaultIfEmpty(n.Dutch).Max(),
        MaxKm = ProfileChanges.WidestKm(n, tried),
        Hours = tried.Where(c => c.Kind == PipChangeKind.Hours).Select(c => c.Changed.Hours).DefaultIfEmpty(n.Hours).Max(),
    };

    /// <summary>The kinds of change tried, as bits, skills included (they are chosen after the walk).</summary>
    private readonly int triedKinds = tried.Aggregate(Bit(PipChangeKind.Skill), (bits, c) => bits | Bit(c.Kind));

    public IReadOnlyList<ProfileChange> Changes => changes;

    /// <summary>
    /// The skills the newcomer lacks, each with how many of the pairs eligible now and not good now that a skill could make
    /// good ask for it: counted while the walk has the opportunity at hand, final after <see cref="CountGoodNow"/>.
    /// </summary>
    public IReadOnlyDictionary<int, int> SkillsAsked => skillsAsked;

    private readonly Dictionary<int, int> skillsAsked = [];

    public int EligibleCount => eligibleCount;

    /// <summary>Good pairs now, once <see cref="CountGoodNow"/> has run.</summary>
    public int GoodCount => heuristic ? heuristicGoodNow : goodNow.Count;

    /// <returns>The change's index.</returns>
    public int Add(ProfileChange change)
    {
        changes.Add(change);
        opened.Add(0);
        candidates.Add(new TopList<OpportunityEntry>(scored));
        return changes.Count - 1;
    }

    /// <summary>
    /// A spot eligible for the newcomer as they are (spots[index], this far squared), in a block with these <see cref="Hopes"/>. When its
    /// bound gives hope, its features are extracted: it is offered for now when its score reaches the good bound,
    /// and kept with the kinds of change that could lift it there.
    /// </summary>
    public void Eligible(OpportunitySpot[] spots, int index, double squaredKm, in Hope hope)
    {
        eligibleCount++;
        if (hope.Kinds == 0) return;
        ref readonly var o = ref spots[index];
        var distance = Math.Sqrt(squaredKm);
        if (!MayReach(hope, o, distance)) return;
        var hopes = hope.Kinds;
        var bound = FeatureExtractor.Optimistic(n, o, distance);
        var most = HeuristicRanker.Score(bound);
        // With the heuristic in force, a pair good even sharing nothing is good now, and nothing more is needed of it.
        if (heuristic && (hopes & 1) != 0 && Reaches(most) && HeuristicRanker.Score(FeatureExtractor.SharingNothing(bound)) >= ranker.GoodScore)
        {
            heuristicGoodNow++;
            return;
        }
        if (!Reaches(most + mostGain[(int)o.Kind]) || !((hopes & 1) != 0 && Reaches(most)) && Hoped(hopes, most, bound, o) == 0) return;
        var f = FeatureExtractor.Shared(bound, n, o);
        var score = HeuristicRanker.Score(f);
        if (heuristic && score >= ranker.GoodScore)
        {
            heuristicGoodNow++;
            return;
        }
        if ((hopes & 1) != 0) Offer(now, o, distance, score);
        var kept = Hoped(hopes, score, f, o);
        if (kept == 0) return;
        hopeful.Add(new Hopeful(spots, index, distance, kept));
        if ((kept & Bit(PipChangeKind.Skill)) != 0) Ask(o.Entry, 1);
    }

    /// <summary>
    /// A spot that fails <paramref name="failed"/> for the newcomer as they are and passes every constraint with the
    /// changes of that kind at their most, in a block with these <see cref="Hopes"/>: each of <paramref name="lifting"/>
    /// (indices of changes) that lifts the constraint opens it, and is offered the pair when its bound with the change gives hope.
    /// </summary>
    public void Opens(in OpportunitySpot o, double squaredKm, Constraint failed, int[] lifting, Eligibility eligibility, in Hope hope)
    {
        var hopes = hope.Kinds != 0 && MayReach(hope, o, Math.Sqrt(squaredKm)) ? hope.Kinds : 0;
        var hoping = 0;
        for (var i = 0; i < lifting.Length; i++)
        {
            var change = changes[lifting[i]];
            if (!change.Lifts(failed, o, squaredKm, eligibility)) continue;
            opened[lifting[i]]++;
            if ((hopes & Bit(change.Kind)) != 0) hoping |= 1 << i;
        }
        if (hoping != 0) OfferOpened(o, Math.Sqrt(squaredKm), lifting, hoping);
    }

    /// <summary>Offers the opened pair to each of the changes <paramref name="lifting"/>[i] for the bits i of <paramref name="hoping"/> whose score it could reach the good bound with.</summary>
    private void OfferOpened(in OpportunitySpot o, double distance, int[] lifting, int hoping)
    {
        var bound = FeatureExtractor.Optimistic(n, o, distance);
        var most = HeuristicRanker.Score(bound);
        if (!Reaches(most + mostGain[(int)o.Kind])) return;
        FitFeatures? f = null;
        var score = 0.0;
        for (var i = 0; i < lifting.Length; i++)
        {
            var change = changes[lifting[i]];
            if ((hoping & 1 << i) == 0 || !Reaches(With(change, most, bound, o))) continue;
            if (f is null) score = HeuristicRanker.Score((f = FeatureExtractor.Shared(bound, n, o)).Value);
            OfferChanged(lifting[i], o, distance, score, f.Value);
        }
    }

    /// <summary>Scores the best pairs now: those good now do not count as a gain again.</summary>
    public int CountGoodNow()
    {
        if (heuristic) return heuristicGoodNow;
        foreach (var (_, distance, o) in now.Items())
            if (IsGood(n, o, distance)) goodNow.Add(o);
        if (goodNow.Count > 0) hopeful.RemoveAll(h =>
        {
            var entry = h.Spots[h.Index].Entry;
            if (!goodNow.Contains(entry)) return false;
            if ((h.Hopes & Bit(PipChangeKind.Skill)) != 0) Ask(entry, -1);
            return true;
        });
        return goodNow.Count;
    }

    private void Ask(OpportunityEntry o, int count)
    {
        foreach (var skill in o.Skills)
            if (Array.BinarySearch(n.Skills, skill) < 0) CollectionsMarshal.GetValueRefOrAddDefault(skillsAsked, skill, out _) += count;
    }

    /// <summary>Offers every pair eligible now, not good now and hopeful, to each change that raises one of its fits (after <see cref="CountGoodNow"/>).</summary>
    public void OfferImproved()
    {
        foreach (ref readonly var h in CollectionsMarshal.AsSpan(hopeful))
        {
            ref readonly var o = ref h.Spots[h.Index];
            var f = FeatureExtractor.Shared(FeatureExtractor.Optimistic(n, o, h.Distance), n, o);
            var score = HeuristicRanker.Score(f);
            for (var c = 0; c < changes.Count; c++)
                if ((h.Hopes & Bit(changes[c].Kind)) != 0 && changes[c].Improves(n, o)) OfferChanged(c, o, h.Distance, score, f);
        }
    }

    /// <summary>What the change opens: eligible ones, and good ones beyond those good now.</summary>
    public (int Eligible, int Good) Gain(int change)
    {
        var good = 0;
        foreach (var (score, distance, o) in candidates[change].Items())
            if (heuristic ? score >= ranker.GoodScore : IsGood(changes[change].Changed, o, distance)) good++;
        return (opened[change], good);
    }

    /// <summary>
    /// Offers the pair with the change to its candidates when its score with the change, its score now
    /// (<paramref name="score"/>, of the features <paramref name="f"/>) plus the change's gain, reaches the good bound:
    /// with the heuristic's score of the features with that fit moved, which is the score of the pair extracted for the
    /// newcomer with the change.
    /// </summary>
    private void OfferChanged(int c, in OpportunitySpot o, double distance, double score, in FitFeatures f)
    {
        var kind = changes[c].Kind;
        var moved = FeatureExtractor.Moved(f, kind, changes[c].Changed, o);
        if (Reaches(score + HeuristicRanker.Gain(f, kind, moved))) candidates[c].Offer(HeuristicRanker.Score(FeatureExtractor.Moving(f, kind, moved)), distance, o.Id, o.Entry);
    }

    private bool IsGood(NewcomerEntry with, OpportunityEntry o, double distance) =>
        ranker.DisplayScore(ranker.Score(FeatureExtractor.Extract(with, o, distance, today))) >= ranker.GoodScore;

    private void Offer(TopList<OpportunityEntry> into, in OpportunitySpot o, double distance, double score)
    {
        if (Reaches(score)) into.Offer(score, distance, o.Id, o.Entry);
    }
}
