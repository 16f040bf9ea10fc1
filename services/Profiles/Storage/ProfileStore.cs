using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Storage;

/// <summary>The Profiles service's own store.</summary>
public sealed class ProfileStore(IDocumentStoreFactory factory, Markers markers, IEventBus bus, ILogger<ProfileStore> logger)
    : ServiceStore(factory.Open("profiles"), markers, bus, logger)
{
    public static readonly DocumentCollection<Newcomer> Newcomers = new("newcomers", n => n.Id,
        n => [new IndexEntry("municipality", n.MunicipalityCode), new IndexEntry("caseworker", n.CaseworkerId)]);

    public static readonly DocumentCollection<ProtectedAttributes> ProtectedAttributes = new("protected_attributes", p => p.NewcomerId);

    /// <summary>Unique key that marks the MAP hours of a match as credited.</summary>
    public static string MapCreditKey(string matchId) => $"map-credit:{matchId}";
}
