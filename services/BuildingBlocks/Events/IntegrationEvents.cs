using Google.Protobuf.WellKnownTypes;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events;

/// <summary>Builds event envelopes with a fresh id and the commit time.</summary>
public static class IntegrationEvents
{
    public static IntegrationEvent Of(NewcomerChanged payload) => New(e => e.NewcomerChanged = payload);
    public static IntegrationEvent Of(NewcomerErased payload) => New(e => e.NewcomerErased = payload);
    public static IntegrationEvent Of(OpportunityChanged payload) => New(e => e.OpportunityChanged = payload);
    public static IntegrationEvent Of(OpportunityDeleted payload) => New(e => e.OpportunityDeleted = payload);
    public static IntegrationEvent Of(MatchChanged payload) => New(e => e.MatchChanged = payload);
    public static IntegrationEvent Of(MapHoursEarned payload) => New(e => e.MapHoursEarned = payload);
    public static IntegrationEvent Of(ProviderChanged payload) => New(e => e.ProviderChanged = payload);
    public static IntegrationEvent Of(ModelPromoted payload) => New(e => e.ModelPromoted = payload);

    private static IntegrationEvent New(Action<IntegrationEvent> setPayload)
    {
        var integrationEvent = new IntegrationEvent { Id = Guid.NewGuid().ToString("N"), OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow) };
        setPayload(integrationEvent);
        return integrationEvent;
    }
}
