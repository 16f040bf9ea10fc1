using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>
/// Receives integration events. Handlers are idempotent: an event delivered twice, or after a
/// newer one, changes nothing. A handler ignores payloads it has no use for.
/// </summary>
public interface IIntegrationEventHandler
{
    Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}
