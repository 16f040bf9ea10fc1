using System.Collections.Immutable;

namespace Newcomers.Matching.Domain;

/// <summary>The opportunities a newcomer has an open match with, and those declined before.</summary>
public sealed record PairHistory(ImmutableHashSet<string> Open, ImmutableHashSet<string> Declined)
{
    public static readonly PairHistory Empty = new([], []);

    public bool IsEmpty => Open.Count + Declined.Count == 0;

    public bool Excludes(string opportunityId) => !IsEmpty && (Open.Contains(opportunityId) || Declined.Contains(opportunityId));
}
