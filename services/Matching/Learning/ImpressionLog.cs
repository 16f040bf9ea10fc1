using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Learning;

/// <summary>
/// Records every recommendation response as shown (an impression), off the request path: requests
/// only queue what they showed, and impressions are built and committed in batches. When the queue
/// is full a response is dropped and counted, rather than slowing a caseworker down.
/// </summary>
public sealed class ImpressionLog(MatchStore store, MatchingReadModel model, ILogger<ImpressionLog> logger)
    : BatchedWriter<RecommendationShown>(20_000, dropWhenFull: true), IImpressionRecorder
{
    public void Record(RecommendationShown shown) => Enqueue(shown);

    protected override async Task WriteAsync(IReadOnlyList<RecommendationShown> batch, CancellationToken cancellationToken)
    {
        var changes = new ChangeSet();
        foreach (var shown in batch)
        {
            // Whoever was erased meanwhile leaves no trace here.
            if (shown.NewcomerId.Length > 0 && model.Newcomer(shown.NewcomerId) is null) continue;
            var impression = Impression(shown, item => item.NewcomerId.Length == 0 || model.Newcomer(item.NewcomerId) is not null);
            if (impression.Items.Count > 0) MatchStore.Impressions.Put(changes, impression, 0);
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

    /// <summary>The stored form of what was shown, with the suggestions kept; positions stay as they were shown.</summary>
    private static Impression Impression(RecommendationShown shown, Func<SuggestionShown, bool> keep)
    {
        var impression = new Impression
        {
            RequestId = shown.RequestId, NewcomerId = shown.NewcomerId, OpportunityId = shown.OpportunityId,
            ShownAtMs = shown.ShownAt.ToUnixTimeMilliseconds(), Ranker = shown.Ranker, FeatureSet = FeatureVector.Version,
        };
        foreach (var item in shown.Items)
            if (keep(item))
                impression.Items.Add(new ShownItem
                {
                    NewcomerId = item.NewcomerId, OpportunityId = item.OpportunityId, Position = item.Position,
                    Features = { FeatureVector.From(item.Features) }, HeuristicScore = (float)item.HeuristicScore,
                });
        return impression;
    }
}
