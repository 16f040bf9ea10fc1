using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;
using Newcomers.Opportunities.Storage;
using Newcomers.Profiles.Storage;

namespace Newcomers.Host.Composition;

/// <summary>
/// Standalone only: the Matching read model is rebuilt from the other two services of this
/// process directly, the way the distributed mode streams it from their List RPCs.
/// </summary>
public sealed class InProcessReadModelSource(ProfileStore profiles, OpportunityStore opportunities) : IReadModelSource
{
    public IAsyncEnumerable<Newcomer> NewcomersAsync(CancellationToken cancellationToken) =>
        profiles.StreamAsync(ProfileStore.Newcomers, cancellationToken: cancellationToken);

    public IAsyncEnumerable<Opportunity> OpportunitiesAsync(CancellationToken cancellationToken) =>
        opportunities.StreamAsync(OpportunityStore.Opportunities, cancellationToken: cancellationToken);

    public IAsyncEnumerable<Provider> ProvidersAsync(CancellationToken cancellationToken) =>
        opportunities.StreamAsync(OpportunityStore.Providers, cancellationToken: cancellationToken);
}
