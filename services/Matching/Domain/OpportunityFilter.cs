namespace Newcomers.Matching.Domain;

/// <summary>The optional filters of a recommendation request.</summary>
public sealed record OpportunityFilter(IReadOnlySet<string> Municipalities, bool OnlyMapEligible, double MaxDistanceKm)
{
    public bool IsEmpty { get; } = Municipalities.Count == 0 && !OnlyMapEligible;

    public bool Admits(OpportunityEntry o) =>
        (Municipalities.Count == 0 || Municipalities.Contains(o.MunicipalityCode)) && (!OnlyMapEligible || o.CountsTowardsMap);
}
