using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Audit;

/// <summary>The purposes for which personal data is read.</summary>
public static class Purposes
{
    public const string CaseManagement = "case management";
    public const string Matching = "matching";
    public const string FollowUp = "match follow-up";
    public const string FairnessAudit = "fairness audit";
    public const string ReadModel = "read model rebuild";
}

/// <summary>
/// Records every read of personal data (who, which record, when, why) in the append-only audit
/// log. Reads queue their entries and never wait for storage, unless a hundred thousand are queued;
/// entries are stored in batches within milliseconds. When a newcomer is erased, their entries keep
/// who read what and why, but the record names a pseudonym instead of the newcomer. A batch that
/// cannot be stored is tried again for five minutes; after that the service stops rather than go
/// on serving reads it cannot account for.
/// </summary>
public sealed class AuditTrail(AuditStore store, Pseudonyms pseudonyms, TimeProvider clock, ILogger<AuditTrail> logger)
    : BatchedWriter<AuditEntry>(100_000, dropWhenFull: false), IIntegrationEventHandler
{
    private const string NewcomerRecord = "newcomers/";
    private static readonly DocumentCollection<AuditEntry> Entries = AuditStore.Entries;

    // Reads still queued or in flight when a newcomer is erased must not store the id afterwards.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> recentlyErased = new();

    /// <summary>The caller read the personal data of this newcomer.</summary>
    public void ReadNewcomer(Caller caller, string action, string newcomerId, string purpose) =>
        Enqueue(new AuditEntry
        {
            Id = Ids.New(), Time = Timestamp.FromDateTimeOffset(clock.GetUtcNow()), Actor = caller.Subject, Role = caller.Role,
            Action = action, Record = NewcomerRecord + newcomerId, Purpose = purpose,
        });

    public Task<(IReadOnlyList<AuditEntry> Items, string? LastId)> ListAsync(IndexEntry? index, int pageSize, string? after, CancellationToken cancellationToken) =>
        store.ListAsync(Entries, index, pageSize, after, descending: true, cancellationToken: cancellationToken);

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
            var stored = await store.Documents.GetAsync(Entries.Name, entry.Id, cancellationToken);
            Entries.Put(changes, new AuditEntry(entry) { Record = pseudonym }, stored!.Version);
            await store.CommitAsync(changes, cancellationToken);
        }
        await store.Documents.ScrubAsync(cancellationToken);
    }
}
