using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Fairness;

/// <summary>
/// The Profiles service's StreamProtectedAttributesForAudit, over a channel made on first use (directly,
/// or through a Dapr sidecar). Without a way to reach the Profiles service, or when it fails, the
/// fairness report is UNAVAILABLE.
/// </summary>
public sealed class GrpcProtectedAttributeSource(Func<ServiceChannel> connect) : IProtectedAttributeSource
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

    public async Task<IReadOnlyDictionary<string, ProtectedAttributes>> ForAuditAsync(string reason, CancellationToken cancellationToken)
    {
        var profiles = channel.Value ?? throw new RpcException(new Status(StatusCode.Unavailable,
            "the Profiles service cannot be reached: set Matching:ProfilesAddress or give this service a Dapr sidecar"));
        var attributes = new Dictionary<string, ProtectedAttributes>(StringComparer.Ordinal);
        try
        {
            using var call = new ProfileService.ProfileServiceClient(profiles.Channel).StreamProtectedAttributesForAudit(
                new StreamProtectedAttributesForAuditRequest { Reason = reason }, profiles.Headers, cancellationToken: cancellationToken);
            await foreach (var a in call.ResponseStream.ReadAllAsync(cancellationToken)) attributes[a.NewcomerId] = a;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            // The caller did nothing wrong: whatever the Profiles service answered, the report cannot be made now.
            throw new RpcException(new Status(StatusCode.Unavailable, $"the Profiles service did not give the protected attributes ({e.StatusCode})"));
        }
        return attributes;
    }
}
