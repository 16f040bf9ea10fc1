using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Monitoring;

/// <summary>
/// Where the monitoring figures get the newcomers' matches, which the matching service alone keeps:
/// its store in the same process (the standalone host), or its StreamNewcomerMatches RPC (the
/// distributed mode).
/// </summary>
public interface IMatchFactsSource
{
    /// <summary>Every match of the newcomers, in any order.</summary>
    IAsyncEnumerable<Match> OfAsync(IReadOnlyCollection<string> newcomerIds, CancellationToken cancellationToken);
}
