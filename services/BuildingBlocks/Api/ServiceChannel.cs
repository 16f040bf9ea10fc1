using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events.Dapr;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// How one service of the product calls another in the distributed mode: at the address a setting
/// gives, or else through its Dapr sidecar with the target's app id in the call's metadata (service
/// invocation). Every call carries this service's own token.
/// </summary>
public sealed record ServiceChannel(GrpcChannel Channel, Metadata? Headers)
{
    public static ServiceChannel To(string appId, string addressSetting, IConfiguration configuration, Func<CancellationToken, ValueTask<string>> token)
    {
        var address = configuration[addressSetting];
        if (!string.IsNullOrEmpty(address)) return new(BearerChannel.For(address, token), null);
        var sidecar = DaprEventsOptions.SidecarEndpoint(configuration);
        if (sidecar.Length == 0) throw new InvalidOperationException($"Set {addressSetting}, or give the service a Dapr sidecar, to reach the {appId} service");
        return new(BearerChannel.For(sidecar, token), new Metadata { { "dapr-app-id", appId } });
    }
}
