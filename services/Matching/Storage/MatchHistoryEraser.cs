using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Storage;

/// <summary>
/// Erasure reaches the match history: every match of an erased newcomer is deleted, its open pair
/// released and its place freed. Running it twice finds nothing left to delete.
/// </summary>
public sealed class MatchHistoryEraser(MatchStore store) : IIntegrationEventHandler
{
    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.PayloadCase != IntegrationEvent.PayloadOneofCase.NewcomerErased) return;
        var newcomerId = integrationEvent.NewcomerErased.NewcomerId;
        await foreach (var match in store.StreamAsync(MatchStore.Matches, new IndexEntry("newcomer", newcomerId), cancellationToken))
        {
            var changes = new ChangeSet().Delete(MatchStore.Matches.Name, match.Id, match.Version);
            if (MatchLifecycle.IsOpen(match.State)) changes.Release(MatchStore.OpenPairKey(match.NewcomerId, match.OpportunityId));
            if (MatchLifecycle.TakesPlace(match.State)) changes.Free(MatchStore.PlacesKey(match.OpportunityId));
            await Optimistic.RetryAsync(() => store.CommitAsync(changes, cancellationToken), attempts: 3);
        }
    }
}
