using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// A service's own store: typed reads, atomic commits, and the outbox. Events committed with a
/// change are published right after the commit; whatever could not be published stays in the
/// outbox and is published again by <see cref="OutboxSweeper"/> (consumers are idempotent).
/// </summary>
public abstract class ServiceStore(IDocumentStore documents, Markers markers, IEventBus bus, ILogger logger) : IAsyncDisposable
{
    private static readonly MessageParser<IntegrationEvent> EventParser = IntegrationEvent.Parser;

    /// <summary>Ids are used once: taken on create, retired on delete.</summary>
    public IdRegistry IdRegistry => ids ??= new(markers, documents, HoldsUnkeyedMarkersAsync);

    private IdRegistry? ids;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<bool>> unkeyed = new();

    /// <summary>
    /// Whether the store holds claims with this key prefix written by an older version under unkeyed
    /// markers. Asked once per prefix: such claims are never written any more, so the answer stands.
    /// </summary>
    public Task<bool> HoldsUnkeyedMarkersAsync(string prefix) => unkeyed.GetOrAdd(prefix, p => documents.AnyUniqueWithPrefixAsync(p));

    /// <summary>Keys of claims that stand for an id without holding it.</summary>
    public Markers Markers => markers;

    /// <summary>Who holds a unique claim, or null.</summary>
    public Task<string?> GetClaimOwnerAsync(string key, CancellationToken cancellationToken = default) => documents.GetUniqueOwnerAsync(key, cancellationToken);

    /// <summary>Where a counter stands (0 if never reserved).</summary>
    public Task<long> GetCounterAsync(string key, CancellationToken cancellationToken = default) => documents.GetCounterAsync(key, cancellationToken);

    /// <summary>Makes sure what was deleted is gone from the files too (after an erasure).</summary>
    public Task ScrubAsync(CancellationToken cancellationToken = default) => documents.ScrubAsync(cancellationToken);

    public async Task<T?> GetAsync<T>(DocumentCollection<T> collection, string id, CancellationToken cancellationToken = default)
        where T : class, IMessage<T>, new()
    {
        var stored = await documents.GetAsync(collection.Name, id, cancellationToken);
        return stored is null ? null : collection.Read(stored);
    }

    public async Task<byte[]?> GetAsync(BlobCollection collection, string id, CancellationToken cancellationToken = default) =>
        (await documents.GetAsync(collection.Name, id, cancellationToken))?.Body;

    /// <summary>The document and its stored version, for documents whose message has no version field of its own.</summary>
    public async Task<(T Document, long Version)?> GetVersionedAsync<T>(DocumentCollection<T> collection, string id, CancellationToken cancellationToken = default)
        where T : class, IMessage<T>, new()
    {
        var stored = await documents.GetAsync(collection.Name, id, cancellationToken);
        return stored is null ? null : (collection.Read(stored), stored.Version);
    }

    /// <summary>
    /// One page in id order (or reverse) of the documents the caller may see, and the id of its last
    /// item when more visible ones follow (null on the last page). Invisible documents are skipped
    /// while reading, so a page is full unless it is the last.
    /// </summary>
    public async Task<(IReadOnlyList<T> Items, string? LastId)> ListAsync<T>(DocumentCollection<T> collection, IndexEntry? index,
        int pageSize, string? afterId, Func<T, bool>? visible = null, bool descending = false, CancellationToken cancellationToken = default)
        where T : class, IMessage<T>, new()
    {
        var items = new List<T>(pageSize);
        while (true)
        {
            var stored = await documents.ListAsync(collection.Name, index, pageSize + 1, afterId, descending, cancellationToken);
            foreach (var document in stored)
            {
                var item = collection.Read(document);
                if (visible is not null && !visible(item)) continue;
                if (items.Count == pageSize) return (items, collection.IdOf(items[^1]));
                items.Add(item);
            }
            if (stored.Count <= pageSize) return (items, null);
            afterId = stored[^1].Id;
        }
    }

    /// <summary>Every document of a collection, in id order, read a page at a time.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(DocumentCollection<T> collection, IndexEntry? index = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IMessage<T>, new()
    {
        string? after = null;
        while (true)
        {
            var page = await documents.ListAsync(collection.Name, index, 1000, after, cancellationToken: cancellationToken);
            foreach (var stored in page) yield return collection.Read(stored);
            if (page.Count < 1000) yield break;
            after = page[^1].Id;
        }
    }

    /// <summary>Every document of a collection with its stored version, in id order, for documents whose message has no version field of its own.</summary>
    public async IAsyncEnumerable<(T Document, long Version)> StreamVersionedAsync<T>(DocumentCollection<T> collection,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IMessage<T>, new()
    {
        string? after = null;
        while (true)
        {
            var page = await documents.ListAsync(collection.Name, null, 1000, after, cancellationToken: cancellationToken);
            foreach (var stored in page) yield return (collection.Read(stored), stored.Version);
            if (page.Count < 1000) yield break;
            after = page[^1].Id;
        }
    }

    public async Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        var sequences = await documents.CommitAsync(changes, cancellationToken);
        if (sequences.Count == 0) return;
        try
        {
            foreach (var integrationEvent in changes.Events)
                await bus.PublishAsync(integrationEvent, CancellationToken.None);
            await documents.AcknowledgeOutboxAsync(sequences, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The exception's message may name records; only its type is logged.
            logger.LogWarning("Publishing {Count} committed events failed ({ExceptionType}); the outbox sweeper retries them", sequences.Count, exception.GetType().Name);
        }
    }

    /// <summary>Publishes outbox entries committed before the given time. Returns how many.</summary>
    public async Task<int> SweepOutboxAsync(DateTimeOffset committedBefore, CancellationToken cancellationToken)
    {
        var entries = await documents.ReadOutboxAsync(500, committedBefore, cancellationToken);
        foreach (var entry in entries)
            await bus.PublishAsync(EventParser.ParseFrom(entry.Body), cancellationToken);
        await documents.AcknowledgeOutboxAsync(entries.Select(e => e.Sequence).ToList(), cancellationToken);
        return entries.Count;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return documents.DisposeAsync();
    }
}
