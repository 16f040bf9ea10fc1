using Newcomers.Contracts.V1;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Where the read model is rebuilt from on start: the current state of the Profiles and
/// Opportunities services (in process when standalone; their List streams when distributed).
/// </summary>
public interface IReadModelSource
{
    IAsyncEnumerable<Newcomer> NewcomersAsync(CancellationToken cancellationToken);
    IAsyncEnumerable<Opportunity> OpportunitiesAsync(CancellationToken cancellationToken);
    IAsyncEnumerable<Provider> ProvidersAsync(CancellationToken cancellationToken);
}
