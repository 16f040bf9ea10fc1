using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Opportunities.Storage;

/// <summary>The Opportunities service's own store.</summary>
public sealed class OpportunityStore(IDocumentStoreFactory factory, Markers markers, IEventBus bus, ILogger<OpportunityStore> logger)
    : ServiceStore(factory.Open("opportunities"), markers, bus, logger)
{
    public static readonly DocumentCollection<Provider> Providers = new("providers", p => p.Id,
        p => p.PlatformId.Length > 0 ? [new IndexEntry("platform", p.PlatformId)] : []);

    /// <summary>Counts a provider's opportunities, so its deletion and a new opportunity can never both commit.</summary>
    public static string OwnedKey(string providerId) => $"opportunities-of:{providerId}";

    /// <summary>Holds a provider's external_id for the opportunity that has it, so two feeds cannot both create it.</summary>
    public static string ExternalKey(string providerId, string externalId) => $"external-id:{providerId}:{externalId}";

    public static readonly DocumentCollection<Opportunity> Opportunities = new("opportunities", o => o.Id,
        o => [new IndexEntry("provider", o.ProviderId), new IndexEntry("municipality", o.MunicipalityCode)]);
}
