using System.Collections.Immutable;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>The opportunities a newcomer has an open match with, and those declined before.</summary>
public sealed record PairHistory(ImmutableHashSet<string> Open, ImmutableHashSet<string> Declined)
{
    public static readonly PairHistory Empty = new([], []);

    public bool IsEmpty => Open.Count + Declined.Count == 0;

    public bool Excludes(string opportunityId) => !IsEmpty && (Open.Contains(opportunityId) || Declined.Contains(opportunityId));

    /// <summary>The history once a match of the pair is in the given state: open while the match is, declined for good.</summary>
    public PairHistory After(string opportunityId, MatchState state) =>
        MatchLifecycle.IsOpen(state) ? this with { Open = Open.Add(opportunityId) }
        : state == MatchState.Declined ? new PairHistory(Open.Remove(opportunityId), Declined.Add(opportunityId))
        : this with { Open = Open.Remove(opportunityId) };
}
