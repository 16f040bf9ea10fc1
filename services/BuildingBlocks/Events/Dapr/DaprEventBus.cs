using System.Text;
using Dapr.Client;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events.Dapr;

/// <summary>
/// The distributed adapter of the event bus: publishes each integration event through the Dapr
/// sidecar, which wraps it in a CloudEvent (data: the event as protobuf JSON).
/// </summary>
public sealed class DaprEventBus(DaprClient dapr, IOptions<DaprEventsOptions> options) : IEventBus
{
    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        dapr.PublishByteEventAsync(options.Value.PubSub, options.Value.Topic, Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(integrationEvent)),
            "application/json", cancellationToken: cancellationToken);
}
