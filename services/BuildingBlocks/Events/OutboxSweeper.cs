using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Storage;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>
/// Publishes what the outboxes still hold: everything at start (left by a crash), then every
/// second whatever a failed publish left behind a few seconds ago.
/// </summary>
public sealed class OutboxSweeper(IEnumerable<ServiceStore> stores, ILogger<OutboxSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cutoff = DateTimeOffset.UtcNow.AddSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var store in stores)
            {
                try
                {
                    while (await store.SweepOutboxAsync(cutoff, stoppingToken) > 0) { }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning("Outbox sweep of {Store} failed ({ExceptionType}); retrying", store.GetType().Name, exception.GetType().Name);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            cutoff = DateTimeOffset.UtcNow - Grace;
        }
    }
}
