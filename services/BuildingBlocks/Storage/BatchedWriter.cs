using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// Takes records on a request path without waiting for storage, and stores them in batches in the
/// background. When its queue is full it either drops a record (and counts it) or makes the caller
/// wait, as the subclass chooses. What is queued is stored before the host stops.
/// </summary>
public abstract class BatchedWriter<T>(int capacity, bool dropWhenFull) : BackgroundService
{
    private readonly Channel<T> queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        FullMode = dropWhenFull ? BoundedChannelFullMode.DropWrite : BoundedChannelFullMode.Wait, SingleReader = true,
    });
    private long dropped;
    private volatile bool writing;

    public long Dropped => Interlocked.Read(ref dropped);

    protected void Enqueue(T item)
    {
        if (queue.Writer.TryWrite(item)) return;
        if (dropWhenFull) Interlocked.Increment(ref dropped);
        else queue.Writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Waits until every record queued so far is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (queue.Reader.Count > 0 || writing) await Task.Delay(5, cancellationToken);
    }

    protected abstract Task WriteAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A batch in flight is never cancelled: what was taken from the queue is stored.
            while (await queue.Reader.WaitToReadAsync(stoppingToken)) await DrainAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            while (queue.Reader.Count > 0) await DrainAsync(CancellationToken.None);
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        writing = true;
        try
        {
            var batch = new List<T>();
            while (batch.Count < 1000 && queue.Reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count > 0) await WriteAsync(batch, cancellationToken);
        }
        finally
        {
            writing = false;
        }
    }
}
