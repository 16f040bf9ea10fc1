using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>The kinds in which each newcomer has a match that takes a place (accepted or started).</summary>
public sealed class PlacedKinds(IReadOnlyDictionary<string, int> kindsByNewcomer)
{
    public bool Has(string newcomerId, OpportunityKind kind) => (kindsByNewcomer.GetValueOrDefault(newcomerId) >> (int)kind & 1) == 1;

    /// <param name="matches">Open matches as their newcomer, the kind of their opportunity (null when it is gone) and their state.</param>
    public static PlacedKinds Of(IEnumerable<(string NewcomerId, OpportunityKind? Kind, MatchState State)> matches)
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (newcomerId, kind, state) in matches)
            if (kind is { } k && MatchLifecycle.TakesPlace(state)) kinds[newcomerId] = kinds.GetValueOrDefault(newcomerId) | 1 << (int)k;
        return new PlacedKinds(kinds);
    }
}
