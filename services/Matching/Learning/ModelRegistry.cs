using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.Learning;

/// <summary>
/// Every trained version (the ML.NET zip, its acceptance model's zip when it has one, and its
/// metadata) in the Matching store, and the one that ranks now. Promoting swaps it in at once: the
/// next request ranks with it, and its acceptance model gives the pair quality, no restart needed.
/// The promotion is an event too, so every other replica of the matching service swaps as well.
/// </summary>
public sealed class ModelRegistry(MatchStore store, CurrentRanker ranker, ILogger<ModelRegistry> logger) : IIntegrationEventHandler, IDisposable
{
    private static readonly DocumentCollection<ModelVersion> Versions = MatchStore.ModelVersions;
    private const string CurrentKey = MatchStore.CurrentModelKey;
    private volatile string? promoting; // this replica's own promotion, whose event needs no reload
    private readonly SemaphoreSlim swapping = new(1, 1);
    /// <summary>The model that ranks, or null while the heuristic ranks.</summary>
    public RankingModel? Current => ranker.Model;

    /// <summary>
    /// Loads the promoted model, if there is one and it is not ranking already (at start, and when
    /// another replica promotes). One swap at a time, and only to what is current in the store then:
    /// when promotions cross, every replica ends on the one the store kept.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = await CurrentIdAsync(cancellationToken);
        if (id is null || id == ranker.Model?.Version.Id || id == promoting) return;
        await swapping.WaitAsync(cancellationToken);
        try
        {
            id = await CurrentIdAsync(cancellationToken);
            if (id is null || id == ranker.Model?.Version.Id) return;
            var version = await store.GetAsync(Versions, id, cancellationToken);
            var file = await store.GetAsync(MatchStore.ModelFiles, id, cancellationToken);
            if (version is null || file is null) return;
            var model = Build(version, file, await store.GetAsync(MatchStore.AcceptanceFiles, id, cancellationToken));
            if (await CurrentIdAsync(cancellationToken) != id) return; // superseded while building: its own event follows
            ranker.Swap(model);
            logger.LogInformation("Ranking with model {Model}", id);
        }
        finally
        {
            swapping.Release();
        }
    }

    /// <summary>Stores a version, with its acceptance model's zip when it has one; when promoted it also becomes the current model.</summary>
    public async Task SaveAsync(ModelVersion version, byte[] zip, byte[]? acceptanceZip, CancellationToken cancellationToken)
    {
        var changes = MatchStore.ModelFiles.Put(new ChangeSet(), version.Id, zip);
        if (acceptanceZip is not null) MatchStore.AcceptanceFiles.Put(changes, version.Id, acceptanceZip);
        Versions.Put(changes, version, 0);
        var model = version.Promoted ? Build(version, zip, acceptanceZip) : null;
        if (model is not null)
            changes.Release(CurrentKey).Claim(CurrentKey, version.Id).Publish(IntegrationEvents.Of(new ModelPromoted { ModelId = version.Id }));
        promoting = model is null ? null : version.Id;
        try
        {
            await store.CommitAsync(changes, cancellationToken);
            if (model is null) return;
            await swapping.WaitAsync(cancellationToken);
            try
            {
                if (await CurrentIdAsync(cancellationToken) == version.Id) ranker.Swap(model);
            }
            finally
            {
                swapping.Release();
            }
        }
        finally
        {
            promoting = null;
        }
    }

    private Task<string?> CurrentIdAsync(CancellationToken cancellationToken) => store.GetClaimOwnerAsync(CurrentKey, cancellationToken);

    public void Dispose() => swapping.Dispose();

    public Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        integrationEvent.PayloadCase == IntegrationEvent.PayloadOneofCase.ModelPromoted ? LoadAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>A version ready to rank; without an acceptance zip, the heuristic's score stays the pair quality.</summary>
    public static RankingModel Build(ModelVersion version, byte[] zip, byte[]? acceptanceZip = null)
    {
        using var stream = new MemoryStream(zip);
        var transformer = new MLContext().Model.Load(stream, out _);
        var acceptance = acceptanceZip is null ? null : AcceptanceQuality.Load(AcceptanceQuality.NameFor(version.Id), acceptanceZip);
        return new RankingModel(version, TreeEnsemble.From(transformer), acceptance);
    }
}
