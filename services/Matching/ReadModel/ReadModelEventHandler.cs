using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.ReadModel;

/// <summary>Feeds the read model from the integration events; idempotent by version.</summary>
public sealed class ReadModelEventHandler(MatchingReadModel model) : IIntegrationEventHandler
{
    public Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        switch (integrationEvent.PayloadCase)
        {
            case IntegrationEvent.PayloadOneofCase.NewcomerChanged:
                model.Apply(integrationEvent.NewcomerChanged.Newcomer);
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
                model.Apply(integrationEvent.MatchChanged.Match);
                break;
        }
        return Task.CompletedTask;
    }
}
