using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Counts the OpportunityChanged events the host publishes, as one more handler beside the services' own.</summary>
public sealed class EventCounter : IIntegrationEventHandler
{
    private int opportunitiesChanged;

    public int OpportunitiesChanged => Volatile.Read(ref opportunitiesChanged);

    public Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.PayloadCase == IntegrationEvent.PayloadOneofCase.OpportunityChanged) Interlocked.Increment(ref opportunitiesChanged);
        return Task.CompletedTask;
    }
}
