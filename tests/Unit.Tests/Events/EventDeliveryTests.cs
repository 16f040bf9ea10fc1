using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;

namespace Newcomers.Unit.Tests.Events;

public sealed class EventDeliveryTests
{
    private sealed class Handler(bool fails) : IIntegrationEventHandler
    {
        public int Received { get; private set; }

        public Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        {
            Received++;
            return fails ? throw new IOException("store unavailable") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_failing_handler_keeps_no_other_handler_from_the_event_and_the_failure_still_surfaces()
    {
        Handler failing = new(fails: true), after = new(fails: false);
        var services = new ServiceCollection().AddSingleton<IIntegrationEventHandler>(failing).AddSingleton<IIntegrationEventHandler>(after).BuildServiceProvider();
        var bus = new InProcessEventBus(services);

        await Assert.ThrowsAsync<IOException>(() => bus.PublishAsync(IntegrationEvents.Of(new NewcomerErased { NewcomerId = "n1" }), CancellationToken.None));

        Assert.Equal((1, 1), (failing.Received, after.Received));
    }
}
