using System.Text;
using Dapr.Client;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Events.Dapr;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.PlatformTopics;

/// <summary>
/// Publishes through the Dapr sidecar on the integration events' pub/sub component. The sidecar
/// wraps the change (protobuf JSON) in a CloudEvent whose id is the one given (Dapr's
/// "cloudevent.id" metadata), so a change published again is recognisably the same event.
/// </summary>
public sealed class DaprPlatformTopics(DaprClient dapr, IOptions<DaprEventsOptions> options) : IPlatformTopics
{
    public const string EventType = "matching.v1.PlatformMatchChange";

    public Task PublishAsync(string topic, string eventId, PlatformMatchChange change, CancellationToken cancellationToken) =>
        dapr.PublishByteEventAsync(options.Value.PubSub, topic, Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(change)), "application/json",
            new Dictionary<string, string> { ["cloudevent.id"] = eventId, ["cloudevent.type"] = EventType }, cancellationToken);
}
