using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>The bounds of the PIP guidance: which kinds of change could make a block's spots, or a pair, good.</summary>
public sealed partial class GuidanceTally
{
    /// <summary>
    /// What <see cref="Hopes"/> finds of a block: the kinds of change that could make a spot of it good, as bits
    /// 1 &lt;&lt; <see cref="PipChangeKind"/> and bit 0 for a spot good now, and the best bound of any of them for
    /// a spot at the block's nearest distance, of its kind of opportunity; and whether only a spot that shares a skill,
    /// language or interest signature bit with the newcomer could be good (<see cref="BlockBound.Shares"/>).
    /// </summary>
    public readonly record struct Hope(int Kinds, double Best, double NearestKm, OpportunityKind Of, bool SharingOnly = false);

    /// <summary>
    /// Which kinds of change could make a spot of the block good, at least this far. Each kind is bounded at the
    /// most a single change of it moves its fit (<see cref="FeatureExtractor.MostMoved(in FitFeatures, NewcomerEntry, NewcomerEntry, in SpotBlock)"/>).
    /// </summary>
    public Hope Hopes(in SpotBlock b, double distanceKm)
    {
        var bound = FeatureExtractor.Optimistic(n, b, distanceKm);
        var best = HeuristicRanker.Score(bound);
        var kinds = Reaches(best) ? 1 : 0;
        if (!Reaches(best + mostGain[(int)b.Kind])) return new Hope(kinds, best, distanceKm, b.Kind);
        var (hoped, most) = Hoped(best, bound, FeatureExtractor.MostMoved(bound, n, furthest, b));
        // A spot that shares no skill, language or interest bit with the newcomer has those fits at nothing, and the rest at most the block's.
        var sharingNothing = FeatureExtractor.SharingNothing(bound);
        var alone = HeuristicRanker.Score(sharingNothing);
        var sharingOnly = !Reaches(alone) && Hoped(alone, sharingNothing, FeatureExtractor.MostMoved(sharingNothing, n, furthest, b)).Kinds == 0;
        return new Hope(kinds | hoped, most, distanceKm, b.Kind, sharingOnly);
    }

    /// <summary>
    /// Whether a spot of the block this far could be good at all: its distance share, even over the widest reach
    /// tried, is at least its block's by the distance between them (a spot out of the newcomer's reach can only be
    /// opened by a farther reach).
    /// </summary>
    private bool MayReach(in Hope hope, in OpportunitySpot o, double distanceKm) =>
        hope.Kinds != 0 && (!hope.SharingOnly || BlockBound.Shares(n, o)) && Reaches(hope.Best - HeuristicRanker.Farther(hope.Of, (distanceKm - hope.NearestKm) / widestKm));

    private bool Reaches(double bound) => bound >= goodBound;

    private static int Bit(PipChangeKind kind) => 1 << (int)kind;

    /// <summary>The pair's heuristic score for the newcomer with the change, from its score now: the change moves one fit.</summary>
    private static double With(ProfileChange change, double score, in FitFeatures f, in OpportunitySpot o) =>
        score + HeuristicRanker.Gain(f, change.Kind, FeatureExtractor.Moved(f, change.Kind, change.Changed, o));

    /// <summary>
    /// The kinds of change tried whose most a single change moves the pair (or its bound) lifts its score to the good
    /// bound, as bits, and the best score any of them gives.
    /// </summary>
    private (int Kinds, double Best) Hoped(double score, in FitFeatures f, in FitFeatures moved)
    {
        var (distance, dutch, schedule, hours, skills) = HeuristicRanker.Gains(f, moved);
        var kinds = (Reaches(score + distance) ? Bit(PipChangeKind.TravelDistance) : 0) | (Reaches(score + dutch) ? Bit(PipChangeKind.DutchLevel) : 0)
            | (Reaches(score + schedule) ? Bit(PipChangeKind.DayPart) : 0) | (Reaches(score + hours) ? Bit(PipChangeKind.Hours) : 0)
            | (Reaches(score + skills) ? Bit(PipChangeKind.Skill) : 0);
        return (kinds & triedKinds, score + Math.Max(Math.Max(distance, dutch), Math.Max(Math.Max(schedule, hours), skills)));
    }

    private int Hoped(int hopes, double score, in FitFeatures f, in OpportunitySpot o) =>
        hopes & Hoped(score, f, FeatureExtractor.MostMoved(f, n, furthest, o)).Kinds;
}
