using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Learning;

/// <summary>
/// Records every recommendation response as shown (an impression), off the request path: requests
/// only queue it, and impressions are committed in batches. When the queue is full an impression
/// is dropped and counted, rather than slowing a caseworker down.
/// </summary>
public sealed class ImpressionLog(MatchStore store, MatchingReadModel model, ILogger<ImpressionLog> logger)
    : BatchedWriter<Impression>(20_000, dropWhenFull: true), IImpressionRecorder
{
    /// <summary>Indexed by every newcomer they name: the one suggestions were for, or each one suggested.</summary>
    public static readonly DocumentCollection<Impression> Impressions = new("impressions", i => i.RequestId, NewcomersIn);

    private static IEnumerable<IndexEntry> NewcomersIn(Impression impression) => impression.NewcomerId.Length > 0
        ? [new IndexEntry("newcomer", impression.NewcomerId)]
        : impression.Items.Select(item => new IndexEntry("newcomer", item.NewcomerId));

    public void Record(Impression impression) => Enqueue(impression);

    /// <summary>Drops items from an impression; the positions of the others stay as they were shown.</summary>
    public static void RemoveItems(Impression impression, Func<ShownItem, bool> remove)
    {
        var kept = impression.Items.Where(item => !remove(item)).ToList();
        impression.Items.Clear();
        impression.Items.Add(kept);
    }

    protected override async Task WriteAsync(IReadOnlyList<Impression> batch, CancellationToken cancellationToken)
    {
        var changes = new ChangeSet();
        foreach (var impression in batch)
        {
            // Whoever was erased meanwhile leaves no trace here.
            if (impression.NewcomerId.Length > 0 && model.Newcomer(impression.NewcomerId) is null) continue;
            RemoveItems(impression, item => item.NewcomerId.Length > 0 && model.Newcomer(item.NewcomerId) is null);
            if (impression.Items.Count > 0) Impressions.Put(changes, impression, 0);
        }
        try
        {
            if (changes.Changes.Count > 0) await store.CommitAsync(changes, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Storing {Count} impressions failed ({ExceptionType}); they are lost", batch.Count, exception.GetType().Name);
        }
    }
}

/// <summary>Takes impressions as they are shown.</summary>
public interface IImpressionRecorder
{
    void Record(Impression impression);
}
