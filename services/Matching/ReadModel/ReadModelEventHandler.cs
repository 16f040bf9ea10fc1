using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Feeds the read model from the integration events; idempotent by version. A late or redelivered
/// change of an erased newcomer (or of one of their matches) is ignored also after a restart, when the read model's own record of
/// the erasure is gone: the match store keeps the erasure (ids are never reused). Each new match
/// state also goes to the match feed of WatchMatches.
/// </summary>
public sealed class ReadModelEventHandler(MatchingReadModel model, MatchStore? store = null, MatchFeed? feed = null) : IIntegrationEventHandler
{
    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        switch (integrationEvent.PayloadCase)
        {
            case IntegrationEvent.PayloadOneofCase.NewcomerChanged:
                var newcomer = integrationEvent.NewcomerChanged.Newcomer;
                if (model.Newcomer(newcomer.Id) is null && store is not null && await store.IsErasedAsync(newcomer.Id, cancellationToken)) break;
                model.Apply(newcomer);
                break;
            case IntegrationEvent.PayloadOneofCase.NewcomerErased:
                model.RemoveNewcomer(integrationEvent.NewcomerErased.NewcomerId, integrationEvent.NewcomerErased.Version);
                break;
            case IntegrationEvent.PayloadOneofCase.OpportunityChanged:
                model.Apply(integrationEvent.OpportunityChanged.Opportunity);
                break;
            case IntegrationEvent.PayloadOneofCase.OpportunityDeleted:
                model.RemoveOpportunity(integrationEvent.OpportunityDeleted.OpportunityId, integrationEvent.OpportunityDeleted.Version);
                break;
            case IntegrationEvent.PayloadOneofCase.ProviderChanged:
                model.Apply(integrationEvent.ProviderChanged.Provider);
                break;
            case IntegrationEvent.PayloadOneofCase.MatchChanged:
                var match = integrationEvent.MatchChanged.Match;
                if (model.Newcomer(match.NewcomerId) is null && store is not null && await store.IsErasedAsync(match.NewcomerId, cancellationToken)) break;
                if (model.Apply(match)) feed?.Publish(match);
                break;
        }
    }
}
