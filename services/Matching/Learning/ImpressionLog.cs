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
    public static readonly DocumentCollection<Impression> Impressions = new("impressions", i => i.RequestId,
        i => [new IndexEntry("newcomer", i.NewcomerId)]);

    public void Record(Impression impression) => Enqueue(impression);

    protected override async Task WriteAsync(IReadOnlyList<Impression> batch, CancellationToken cancellationToken)
    {
        var changes = new ChangeSet();
        foreach (var impression in batch)
            if (model.Newcomer(impression.NewcomerId) is not null) // erased meanwhile: keep nothing
                Impressions.Put(changes, impression, 0);
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
