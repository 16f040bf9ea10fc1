using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Storage;

/// <summary>
/// The Matching service's own store: matches, the open pairs, the places taken, the impressions
/// shown, and the trained models (their versions, their files, their acceptance models' files, and
/// which one ranks).
/// </summary>
public sealed class MatchStore(IDocumentStoreFactory factory, Markers markers, IEventBus bus, ILogger<MatchStore> logger)
    : ServiceStore(factory.Open("matching"), markers, bus, logger)
{
    /// <summary>Matches, indexed by newcomer, opportunity and provider (matches stored before the provider index are indexed at start, see <see cref="ProviderIndex"/>).</summary>
    public static readonly DocumentCollection<Match> Matches = new("matches", m => m.Id,
        m => [new IndexEntry("newcomer", m.NewcomerId), new IndexEntry("opportunity", m.OpportunityId), new IndexEntry("provider", m.ProviderId)]);

    /// <summary>Every match of the newcomers, newcomer by newcomer: what the monitoring figures count (ProfileService.GetMonitoringFigures).</summary>
    public async IAsyncEnumerable<Match> MatchesOfAsync(IEnumerable<string> newcomerIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var newcomerId in newcomerIds)
            await foreach (var match in StreamAsync(Matches, new IndexEntry("newcomer", newcomerId), cancellationToken)) yield return match;
    }

    /// <summary>Recommendations as shown; indexed by every newcomer they name: the one suggestions were for, or each one suggested.</summary>
    public static readonly DocumentCollection<Impression> Impressions = new("impressions", i => i.RequestId, NewcomersIn);

    private static IEnumerable<IndexEntry> NewcomersIn(Impression impression) => impression.NewcomerId.Length > 0
        ? [new IndexEntry("newcomer", impression.NewcomerId)]
        : impression.Items.Select(item => new IndexEntry("newcomer", item.NewcomerId));

    /// <summary>Drops items from an impression; the positions of the others stay as they were shown.</summary>
    public static void RemoveItems(Impression impression, Func<ShownItem, bool> remove)
    {
        var kept = impression.Items.Where(item => !remove(item)).ToList();
        impression.Items.Clear();
        impression.Items.Add(kept);
    }

    /// <summary>Every trained model's metadata: data size, metrics, features, time and the promotion decision.</summary>
    public static readonly DocumentCollection<ModelVersion> ModelVersions = new("model_versions", m => m.Id);

    /// <summary>Every trained model's ML.NET zip, by version id.</summary>
    public static readonly BlobCollection ModelFiles = new("model_files");

    /// <summary>
    /// The ML.NET zip of a version's acceptance model, by version id: only for versions whose
    /// acceptance model gives the pair quality (none for versions trained before there were any).
    /// </summary>
    public static readonly BlobCollection AcceptanceFiles = new("acceptance_files");

    /// <summary>How far the change log went out on the platforms' pub/sub topics: one document (<see cref="PlatformTopicPositionId"/>).</summary>
    public static readonly DocumentCollection<PlatformTopicPosition> PlatformTopicPositions = new("platform_topic_positions", _ => PlatformTopicPositionId);

    public const string PlatformTopicPositionId = "match-changes";

    /// <summary>Held by the id of the model that ranks.</summary>
    public const string CurrentModelKey = "current-model";

    /// <summary>Held by the one open match of a pair.</summary>
    public static string OpenPairKey(string newcomerId, string opportunityId) => $"open-pair:{newcomerId}:{opportunityId}";

    /// <summary>
    /// Held by "active" while a newcomer has matches, and by "erased" once erased, so a proposal racing
    /// an erasure cannot commit after it. Keyed by a marker, so the key holds no id.
    /// </summary>
    public string ActiveKey(string newcomerId) => "keyed-newcomer-state:" + Markers.Of(newcomerId);

    /// <summary>Whether the newcomer was erased (the marker outlives every restart; an erasure from before markers were keyed counts too).</summary>
    public async Task<bool> IsErasedAsync(string newcomerId, CancellationToken cancellationToken) =>
        await GetClaimOwnerAsync(ActiveKey(newcomerId), cancellationToken) == Erased
        || await HoldsUnkeyedMarkersAsync(UnkeyedState) && await GetClaimOwnerAsync(UnkeyedState + Markers.Unkeyed(newcomerId), cancellationToken) == Erased;

    /// <summary>Older versions marked newcomers by the bare SHA-256 of their id under this prefix.</summary>
    public const string UnkeyedState = "newcomer-state:";

    public const string Active = "active";
    public const string Erased = "erased";

    /// <summary>Counts accepted plus started matches of an opportunity; never above its capacity.</summary>
    public static string PlacesKey(string opportunityId) => $"places:{opportunityId}";
}
