using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// Takes records on a request path and stores them in batches in the background: a group commit.
/// A caller either goes on at once (<see cref="Enqueue"/>) or waits until its record is stored
/// (<see cref="StoreAsync"/>); records that arrive while a batch is being stored share the next
/// commit. When its queue is full it either drops a record (and counts it) or makes the caller
/// wait, as the subclass chooses. What is queued is stored before the host stops.
/// </summary>
public abstract class BatchedWriter<T>(int capacity, bool dropWhenFull) : BackgroundService
{
    private readonly Channel<(T Item, TaskCompletionSource? Stored)> queue = Channel.CreateBounded<(T, TaskCompletionSource?)>(new BoundedChannelOptions(capacity)
    {
        FullMode = dropWhenFull ? BoundedChannelFullMode.DropWrite : BoundedChannelFullMode.Wait, SingleReader = true,
    });
    private long dropped;
    private volatile bool writing;

    public long Dropped => Interlocked.Read(ref dropped);

    protected void Enqueue(T item)
    {
        if (queue.Writer.TryWrite((item, null))) return;
        if (dropWhenFull) Interlocked.Increment(ref dropped);
        else queue.Writer.WriteAsync((item, null)).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Completes once the records are committed to storage (with the batch they joined).</summary>
    protected async Task StoreAsync(IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        var stored = new List<Task>(items.Count);
        foreach (var item in items)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await queue.Writer.WriteAsync((item, done), cancellationToken);
            stored.Add(done.Task);
        }
        await Task.WhenAll(stored).WaitAsync(cancellationToken);
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
            var batch = new List<(T Item, TaskCompletionSource? Stored)>();
            while (batch.Count < 1000 && queue.Reader.TryRead(out var queued)) batch.Add(queued);
            if (batch.Count == 0) return;
            try
            {
                await WriteAsync(batch.Select(b => b.Item).ToList(), cancellationToken);
            }
            catch (Exception exception)
            {
                foreach (var (_, stored) in batch) stored?.TrySetException(exception);
                throw;
            }
            foreach (var (_, stored) in batch) stored?.TrySetResult();
        }
        finally
        {
            writing = false;
        }
    }
}
