using Grpc.Core;
using Grpc.Net.Client;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// The read model's source when the services run apart: the Profiles and Opportunities services'
/// streaming List RPCs, over the given channels (directly, or through a Dapr sidecar with the
/// target's app id in the call's metadata).
/// </summary>
public sealed class GrpcReadModelSource(GrpcChannel profiles, GrpcChannel opportunities, Metadata? profilesHeaders = null, Metadata? opportunitiesHeaders = null)
    : IReadModelSource
{
    public IAsyncEnumerable<Newcomer> NewcomersAsync(CancellationToken cancellationToken) =>
        Read(new ProfileService.ProfileServiceClient(profiles).StreamNewcomers(new StreamNewcomersRequest(), profilesHeaders, cancellationToken: cancellationToken), cancellationToken);

    public IAsyncEnumerable<Opportunity> OpportunitiesAsync(CancellationToken cancellationToken) =>
        Read(new OpportunityService.OpportunityServiceClient(opportunities).StreamOpportunities(new StreamOpportunitiesRequest(), opportunitiesHeaders, cancellationToken: cancellationToken), cancellationToken);

    public IAsyncEnumerable<Provider> ProvidersAsync(CancellationToken cancellationToken) =>
        Read(new OpportunityService.OpportunityServiceClient(opportunities).StreamProviders(new StreamProvidersRequest(), opportunitiesHeaders, cancellationToken: cancellationToken), cancellationToken);

    private static async IAsyncEnumerable<T> Read<T>(AsyncServerStreamingCall<T> call, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (call)
            await foreach (var item in call.ResponseStream.ReadAllAsync(cancellationToken))
                yield return item;
    }
}
