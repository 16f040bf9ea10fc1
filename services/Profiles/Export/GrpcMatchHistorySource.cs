using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Export;

/// <summary>
/// The matching service's ExportNewcomerMatches, over a channel made on first use (directly, or
/// through a Dapr sidecar with the app id in the metadata). Without a way to reach the matching
/// service, an export is UNAVAILABLE and every other RPC works as before.
/// </summary>
public sealed class GrpcMatchHistorySource(Func<ServiceChannel> connect) : IMatchHistorySource
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

    public async Task<NewcomerMatchHistory> OfAsync(string newcomerId, CancellationToken cancellationToken)
    {
        var matching = channel.Value ?? throw new RpcException(new Status(StatusCode.Unavailable,
            "the matching service cannot be reached: set Profiles:MatchingAddress or give this service a Dapr sidecar"));
        return await new MatchingService.MatchingServiceClient(matching.Channel).ExportNewcomerMatchesAsync(new ExportNewcomerMatchesRequest { NewcomerId = newcomerId },
            matching.Headers, cancellationToken: cancellationToken);
    }
}
