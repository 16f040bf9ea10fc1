using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Storage;

/// <summary>The Matching service's own store: matches, the open pairs and the places taken.</summary>
public sealed class MatchStore(IDocumentStoreFactory factory, IEventBus bus, ILogger<MatchStore> logger)
    : ServiceStore(factory.Open("matching"), bus, logger)
{
    public static readonly DocumentCollection<Match> Matches = new("matches", m => m.Id,
        m => [new IndexEntry("newcomer", m.NewcomerId), new IndexEntry("opportunity", m.OpportunityId)]);

    /// <summary>Held by the one open match of a pair.</summary>
    public static string OpenPairKey(string newcomerId, string opportunityId) => $"open-pair:{newcomerId}:{opportunityId}";

    /// <summary>
    /// Held by "active" while a newcomer has matches, and by "erased" once erased, so a proposal racing
    /// an erasure cannot commit after it. Keyed by a hash, so the marker keeps no id.
    /// </summary>
    public static string ActiveKey(string newcomerId) => "newcomer-state:" + RetiredIds.HashOf(newcomerId);

    /// <summary>Whether the newcomer was erased (the marker outlives every restart).</summary>
    public async Task<bool> IsErasedAsync(string newcomerId, CancellationToken cancellationToken) =>
        await Documents.GetUniqueOwnerAsync(ActiveKey(newcomerId), cancellationToken) == Erased;

    public const string Active = "active";
    public const string Erased = "erased";

    /// <summary>Counts accepted plus started matches of an opportunity; never above its capacity.</summary>
    public static string PlacesKey(string opportunityId) => $"places:{opportunityId}";
}
