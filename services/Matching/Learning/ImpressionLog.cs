using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Learning;

/// <summary>
/// Records every recommendation response as shown (an impression), off the request path: requests
/// only queue it, and a writer commits queued impressions in batches. When the queue is full an
/// impression is dropped and counted, rather than slowing a caseworker down.
/// </summary>
public sealed class ImpressionLog(MatchStore store, MatchingReadModel model, ILogger<ImpressionLog> logger) : BackgroundService, IImpressionRecorder
{
    public static readonly DocumentCollection<Impression> Impressions = new("impressions", i => i.RequestId,
        i => [new IndexEntry("newcomer", i.NewcomerId)]);

    private readonly Channel<Impression> queue = Channel.CreateBounded<Impression>(new BoundedChannelOptions(20_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });
    private long dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    public void Record(Impression impression)
    {
        if (!queue.Writer.TryWrite(impression)) Interlocked.Increment(ref dropped);
    }

    /// <summary>Waits until every impression queued so far is stored (for tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (queue.Reader.Count > 0 || writing) await Task.Delay(10, cancellationToken);
    }

    private volatile bool writing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken)) await WriteBatchAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            await WriteBatchAsync(CancellationToken.None);
        }
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        writing = true;
        try
        {
            var changes = new ChangeSet();
            while (changes.Changes.Count < 1000 && queue.Reader.TryRead(out var impression))
                if (model.Newcomer(impression.NewcomerId) is not null) // erased meanwhile: keep nothing
                    Impressions.Put(changes, impression, 0);
            if (changes.Changes.Count > 0) await store.CommitAsync(changes, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Storing impressions failed ({ExceptionType}); the batch is lost", exception.GetType().Name);
        }
        finally
        {
            writing = false;
        }
    }
}

/// <summary>Takes impressions as they are shown.</summary>
public interface IImpressionRecorder
{
    void Record(Impression impression);
}
