using System.Runtime.CompilerServices;
using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Monitoring;

/// <summary>
/// The matching service's StreamNewcomerMatches, over a channel made on first use (directly, or
/// through a Dapr sidecar with the app id in the metadata). Without a way to reach the matching
/// service the figures are UNAVAILABLE; every other RPC works as before.
/// </summary>
public sealed class GrpcMatchFactsSource(Func<ServiceChannel> connect) : IMatchFactsSource
{
    private readonly Lazy<ServiceChannel?> channel = new(() =>
    {
        try
        {
            return connect();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    });

    public async IAsyncEnumerable<Match> OfAsync(IReadOnlyCollection<string> newcomerIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (newcomerIds.Count == 0) yield break;
        var matching = channel.Value ?? throw new RpcException(new Status(StatusCode.Unavailable,
            "the matching service cannot be reached: set Profiles:MatchingAddress or give this service a Dapr sidecar"));
        using var call = new MatchingService.MatchingServiceClient(matching.Channel).StreamNewcomerMatches(
            new StreamNewcomerMatchesRequest { NewcomerIds = { newcomerIds } }, matching.Headers, cancellationToken: cancellationToken);
        await foreach (var match in call.ResponseStream.ReadAllAsync(cancellationToken)) yield return match;
    }
}
