using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Storage;

/// <summary>
/// Erasure reaches the match history and the training data: every match of an erased newcomer is
/// deleted (its open pair released, its place freed), and so are its entries in the change log of
/// WatchMatches and every impression shown for them;
/// impressions that suggested them to a provider lose that one item.
/// Running it twice finds nothing left to delete.
/// </summary>
public sealed class MatchHistoryEraser(MatchStore store, MatchChangeLog changeLog, IImpressionRecorder impressions) : IIntegrationEventHandler
{
    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.PayloadCase != IntegrationEvent.PayloadOneofCase.NewcomerErased) return;
        var newcomerId = integrationEvent.NewcomerErased.NewcomerId;
        // First mark the newcomer erased, so no proposal made from here on can commit (see ProposeMatch).
        await store.CommitAsync(new ChangeSet().Release(store.ActiveKey(newcomerId)).Claim(store.ActiveKey(newcomerId), MatchStore.Erased), cancellationToken);
        await foreach (var listed in store.StreamAsync(MatchStore.Matches, new IndexEntry("newcomer", newcomerId), cancellationToken))
            await Optimistic.RetryAsync(async () =>
            {
                // Read again on each try: a concurrent answer may have moved the match on.
                if (await store.GetAsync(MatchStore.Matches, listed.Id, cancellationToken) is not { } match) return;
                var changes = MatchStore.Matches.Delete(new ChangeSet(), match.Id, match.Version);
                if (MatchLifecycle.IsOpen(match.State)) changes.Release(MatchStore.OpenPairKey(match.NewcomerId, match.OpportunityId));
                if (MatchLifecycle.TakesPlace(match.State)) changes.Free(MatchStore.PlacesKey(match.OpportunityId));
                await store.CommitAsync(changes, cancellationToken);
            });
        // After the matches: no change of them can commit any more, so none can add an entry behind this.
        await changeLog.EraseAsync(newcomerId, cancellationToken);
        await impressions.FlushAsync(cancellationToken);
        await foreach (var listed in store.StreamAsync(MatchStore.Impressions, new IndexEntry("newcomer", newcomerId), cancellationToken))
            await Optimistic.RetryAsync(async () =>
            {
                // Another erasure may be rewriting the same impression of suggested newcomers.
                if (await store.GetAsync(MatchStore.Impressions, listed.RequestId, cancellationToken) is not { } impression) return;
                var changes = new ChangeSet();
                MatchStore.RemoveItems(impression, item => item.NewcomerId == newcomerId);
                if (impression.NewcomerId == newcomerId || impression.Items.Count == 0)
                    MatchStore.Impressions.Delete(changes, impression.RequestId, impression.Version);
                else
                    MatchStore.Impressions.Put(changes, impression, impression.Version);
                await store.CommitAsync(changes, cancellationToken);
            });
        await store.ScrubAsync(cancellationToken);
    }
}
