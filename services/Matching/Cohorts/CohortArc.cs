namespace Newcomers.Matching.Cohorts;

/// <summary>
/// An eligible pair of the graph: a unit and an opportunity, with the pair's quality on one scale
/// (for a household, the sum over its members) and the distance (for a household, the farthest).
/// </summary>
public readonly record struct CohortArc(int Unit, int Opportunity, double Quality, double DistanceKm)
{
    /// <summary>Solvers work in whole numbers: the quality in millionths.</summary>
    public const double Scale = 1_000_000;

    public long ScaledQuality => (long)Math.Round(Quality * Scale);
}
