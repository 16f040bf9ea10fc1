namespace Newcomers.Matching.Domain;

/// <summary>
/// The heuristic score's bound over a <see cref="SpotBlock"/>, against the top list's threshold:
/// the spots it rules out are still checked and counted, but never scored. The threshold only
/// rises while a request runs, so what is below it at the block's start stays below it.
/// </summary>
public static class BlockBound
{
    /// <summary>
    /// Which of the block's spots can reach <paramref name="threshold"/> (strictly below it, a spot
    /// cannot enter the top list): none when the block's bound is below it; those sharing a
    /// signature bit when only the shared skills, languages and interests could lift a spot to it
    /// (a spot that shares none has all three at nothing, and its other features at most the block's).
    /// </summary>
    public static BlockScoring Gate(NewcomerEntry n, in SpotBlock b, double distanceKm, double threshold)
    {
        if (double.IsNegativeInfinity(threshold)) return BlockScoring.Every;
        var best = FeatureExtractor.Optimistic(n, b, distanceKm);
        if (HeuristicRanker.Score(best) < threshold) return BlockScoring.None;
        return HeuristicRanker.Score(FeatureExtractor.SharingNothing(best)) < threshold ? BlockScoring.SharingOnly : BlockScoring.Every;
    }

    /// <summary>Whether the spot shares a skill, language or interest signature bit with the newcomer.</summary>
    public static bool Shares(NewcomerEntry n, in OpportunitySpot o) =>
        ((n.SkillSignature & o.Skills) | (n.LanguageSignature & o.Languages) | (n.InterestSignature & o.Interests)) != 0;
}
