using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;
using Newcomers.Profiles.Monitoring;

namespace Newcomers.Host.Composition;

/// <summary>Standalone only: the monitoring figures read the matching service's store of this process directly, as the distributed mode asks it over gRPC.</summary>
public sealed class InProcessMatchFactsSource(MatchStore matches) : IMatchFactsSource
{
    public IAsyncEnumerable<Match> OfAsync(IReadOnlyCollection<string> newcomerIds, CancellationToken cancellationToken) =>
        matches.MatchesOfAsync(newcomerIds, cancellationToken);
}
