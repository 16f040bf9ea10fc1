using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Audit;

/// <summary>
/// Records every read of personal data (who, which record, when, why) in the append-only audit
/// log. An answer that carries a newcomer's data is sent only after its entry is committed, fsynced
/// as every other commit: entries of concurrent requests share one commit (a group commit), so
/// the cost stays small. When a newcomer is erased, their entries keep
/// who read what and why, but the record names a pseudonym instead of the newcomer. A batch that
/// cannot be stored is tried again for five minutes; after that the service stops rather than go
/// on serving reads it cannot account for.
/// </summary>
public sealed class AuditTrail(AuditStore store, Pseudonyms pseudonyms, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AuditOptions> options,
    ILogger<AuditTrail> logger)
    : BatchedWriter<AuditEntry>(100_000, dropWhenFull: false), IIntegrationEventHandler
{
    private const string NewcomerRecord = "newcomers/";
    private static readonly DocumentCollection<AuditEntry> Entries = AuditStore.Entries;

    // Reads still queued or in flight when a newcomer is erased must not store the id afterwards.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> recentlyErased = new();

    /// <summary>The caller reads the personal data of this newcomer: completes once that is on record.</summary>
    public Task ReadNewcomerAsync(Caller caller, string action, string newcomerId, string purpose, CancellationToken cancellationToken) =>
        ReadNewcomersAsync(caller, action, [newcomerId], purpose, cancellationToken);

    /// <summary>The caller reads the personal data of these newcomers: completes once every read is on record.</summary>
    public Task ReadNewcomersAsync(Caller caller, string action, IEnumerable<string> newcomerIds, string purpose, CancellationToken cancellationToken)
    {
        var time = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
        var entries = newcomerIds.Select(id => new AuditEntry
        {
            Id = Ids.New(), Time = time, Actor = caller.Subject, Role = caller.Role, Action = action, Record = NewcomerRecord + id, Purpose = purpose,
        }).ToList();
        if (entries.Count == 0) return Task.CompletedTask;
        if (options.Value.WaitForCommit) return StoreAsync(entries, cancellationToken);
        foreach (var entry in entries) Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<(IReadOnlyList<AuditEntry> Items, string? LastId)> ListAsync(IndexEntry? index, int pageSize, string? after, CancellationToken cancellationToken) =>
        store.ListAsync(Entries, index, pageSize, after, descending: true, cancellationToken: cancellationToken);

    /// <summary>Every entry about the newcomer's record, newest first (for the right of access).</summary>
    public async IAsyncEnumerable<AuditEntry> AboutNewcomerAsync(string newcomerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var entry in store.StreamAsync(Entries, new IndexEntry("record", NewcomerRecord + newcomerId), cancellationToken)) entries.Add(entry);
        foreach (var entry in entries.OrderByDescending(e => e.Id, StringComparer.Ordinal)) yield return entry;
    }

    protected override async Task WriteAsync(IReadOnlyList<AuditEntry> batch, CancellationToken cancellationToken)
    {
        var changes = new ChangeSet();
        foreach (var entry in batch)
        {
            var subject = entry.Record.StartsWith(NewcomerRecord, StringComparison.Ordinal) ? entry.Record[NewcomerRecord.Length..] : "";
            if (recentlyErased.ContainsKey(subject)) entry.Record = NewcomerRecord + pseudonyms.Of("erased-", subject);
            Entries.Put(changes, entry, 0);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.CommitAsync(changes, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt > 1)
            {
                return; // the failed try had stored them after all (entries are new, and a commit is all or nothing)
            }
            catch (Exception exception) when (exception is not OperationCanceledException && attempt < 60)
            {
                logger.LogWarning("Storing {Count} audit entries failed ({ExceptionType}); trying again", batch.Count, exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }

    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.PayloadCase != IntegrationEvent.PayloadOneofCase.NewcomerErased) return;
        var newcomerId = integrationEvent.NewcomerErased.NewcomerId;
        var now = clock.GetUtcNow();
        recentlyErased[newcomerId] = now;
        foreach (var (id, at) in recentlyErased)
            if (now - at > TimeSpan.FromHours(1)) recentlyErased.TryRemove(id, out _);
        await FlushAsync(cancellationToken);
        var pseudonym = NewcomerRecord + pseudonyms.Of("erased-", newcomerId);
        await foreach (var entry in store.StreamAsync(Entries, new IndexEntry("record", NewcomerRecord + newcomerId), cancellationToken))
        {
            var changes = new ChangeSet();
            var (_, version) = (await store.GetVersionedAsync(Entries, entry.Id, cancellationToken))!.Value;
            Entries.Put(changes, new AuditEntry(entry) { Record = pseudonym }, version);
            await store.CommitAsync(changes, cancellationToken);
        }
        await store.ScrubAsync(cancellationToken);
    }
}
