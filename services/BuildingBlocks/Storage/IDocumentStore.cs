namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// The storage port every service writes through: versioned documents with secondary indexes,
/// unique claims, bounded counters and an outbox, all changed together in one atomic commit.
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Documents in id order (or reverse), optionally only those with one index entry.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, IndexEntry? index, int limit, string? afterId,
        bool descending = false, CancellationToken cancellationToken = default);

    Task<string?> GetUniqueOwnerAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Whether any unique claim's key starts with the prefix: a scan, for rare questions (does this store hold claims of an older format?).</summary>
    Task<bool> AnyUniqueWithPrefixAsync(string keyPrefix, CancellationToken cancellationToken = default);

    Task<long> GetCounterAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies every change or none. Throws <see cref="ConcurrencyConflictException"/>,
    /// <see cref="UniqueConflictException"/> or <see cref="CapacityExceededException"/>.
    /// Returns the outbox sequence numbers given to the change set's events.
    /// </summary>
    Task<IReadOnlyList<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default);

    /// <summary>Outbox entries not yet acknowledged, oldest first, committed before the given time.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int limit, DateTimeOffset committedBefore, CancellationToken cancellationToken = default);

    Task AcknowledgeOutboxAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default);

    /// <summary>Makes sure what was deleted is gone from the files too (after an erasure), not only from the data.</summary>
    Task ScrubAsync(CancellationToken cancellationToken = default);
}
