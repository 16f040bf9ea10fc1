using Microsoft.Extensions.Configuration;

namespace Newcomers.BuildingBlocks.Events.Dapr;

/// <summary>Where integration events travel through Dapr (section "Dapr").</summary>
public sealed class DaprEventsOptions
{
    public const string Section = "Dapr";

    /// <summary>The pub/sub component's name.</summary>
    public string PubSub { get; set; } = "pubsub";

    /// <summary>The topic every integration event is published on.</summary>
    public string Topic { get; set; } = "integration-events";

    /// <summary>The token the sidecar sends to the app (Dapr's APP_API_TOKEN, which is read when this is empty); required with a sidecar, as only it may deliver events.</summary>
    public string AppApiToken { get; set; } = "";

    /// <summary>The sidecar's gRPC endpoint: Dapr:GrpcEndpoint, or the port Dapr gives the app (DAPR_GRPC_PORT); empty without a sidecar.</summary>
    public static string SidecarEndpoint(IConfiguration configuration) =>
        configuration[$"{Section}:GrpcEndpoint"] is { Length: > 0 } endpoint ? endpoint
        : configuration["DAPR_GRPC_PORT"] is { Length: > 0 } port ? $"http://127.0.0.1:{port}" : "";
}
