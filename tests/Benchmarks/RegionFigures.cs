namespace Newcomers.Benchmarks;

/// <summary>
/// One region's figures (<see cref="RegionScale"/>): its size, loading it through the API (seconds),
/// the host's resident set after loading and after a restart (bytes), the read model's rebuild and
/// the start to SERVING (medians of the restarts, milliseconds), the store's size on disk, and
/// RecommendOpportunities in process.
/// </summary>
public sealed record RegionFigures(int Opportunities, int Newcomers, int Municipalities, double OpportunitySeconds, double NewcomerSeconds,
    long ResidentLoaded, long ResidentRestarted, double RebuildMs, double ServingMs, long StoreBytes, RecommendationFigures Recommendations)
{
    public string Size => $"{Report.Thousands(Opportunities)} × {Report.Thousands(Newcomers)}";
}
