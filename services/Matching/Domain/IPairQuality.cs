namespace Newcomers.Matching.Domain;

/// <summary>
/// The quality of a pair on one scale for every newcomer, so that pairs of different newcomers
/// compare, as a cohort assignment needs: a calibrated probability that the match is accepted or
/// better, or the heuristic's score while no model gives one (one scale, though no probability).
/// A ranking score is not of this kind: it compares opportunities for one newcomer only.
/// </summary>
public interface IPairQuality
{
    /// <summary>As named in responses: heuristic-v1, or the model's id with "/acceptance".</summary>
    string Name { get; }

    /// <summary>Whether <see cref="Quality"/> is a calibrated probability.</summary>
    bool IsProbability { get; }

    /// <summary>The pair's quality, from 0 to 1.</summary>
    double Quality(in FitFeatures features);
}
