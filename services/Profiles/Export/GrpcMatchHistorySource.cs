using Grpc.Core;
using Grpc.Net.Client;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Export;

/// <summary>The matching service's ExportNewcomerMatches, over the given channel (directly, or through a Dapr sidecar with the app id in the metadata).</summary>
public sealed class GrpcMatchHistorySource(GrpcChannel channel, Metadata? headers = null) : IMatchHistorySource
{
    public async Task<NewcomerMatchHistory> OfAsync(string newcomerId, CancellationToken cancellationToken) =>
        await new MatchingService.MatchingServiceClient(channel).ExportNewcomerMatchesAsync(new ExportNewcomerMatchesRequest { NewcomerId = newcomerId }, headers,
            cancellationToken: cancellationToken);
}
