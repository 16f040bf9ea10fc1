using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>
/// Hands an event to every handler of this process. Each handler gets it even when another one
/// fails; the failures are thrown afterwards, so that the event comes again (to every handler,
/// which is harmless: handlers are idempotent).
/// </summary>
public static class EventDelivery
{
    public static async Task ToEveryHandlerAsync(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        foreach (var handler in services.GetServices<IIntegrationEventHandler>())
        {
            try
            {
                await handler.HandleAsync(integrationEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                (failures ??= []).Add(exception);
            }
        }
        if (failures is [var only]) ExceptionDispatchInfo.Throw(only);
        if (failures is not null) throw new AggregateException(failures);
    }
}
