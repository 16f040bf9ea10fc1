using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>Publishes integration events to every subscribed service (in process, or through Dapr pub/sub).</summary>
public interface IEventBus
{
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Receives integration events. Handlers are idempotent: an event delivered twice, or after a
/// newer one, changes nothing. A handler ignores payloads it has no use for.
/// </summary>
public interface IIntegrationEventHandler
{
    Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}
