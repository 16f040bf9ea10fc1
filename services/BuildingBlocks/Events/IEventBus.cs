using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>Publishes integration events to every subscribed service (in process, or through Dapr pub/sub).</summary>
public interface IEventBus
{
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}
