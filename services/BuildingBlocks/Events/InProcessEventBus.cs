using Microsoft.Extensions.DependencyInjection;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>
/// The standalone adapter: delivers each event to every handler in this process before the
/// publisher goes on. Handlers are resolved per delivery, so stores and handlers may depend on
/// each other's services without a cycle at construction.
/// </summary>
public sealed class InProcessEventBus(IServiceProvider services) : IEventBus
{
    public async Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await EventDelivery.ToEveryHandlerAsync(services, integrationEvent, cancellationToken);
    }
}
