using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Audit;

/// <summary>The audit log's own store. Entries are only ever added, and pseudonymised on erasure.</summary>
public sealed class AuditStore(IDocumentStoreFactory factory, IEventBus bus, ILogger<AuditStore> logger)
    : ServiceStore(factory.Open("audit"), bus, logger)
{
    /// <summary>Indexed by record and actor for queries, and by the newcomer it is about, for erasure.</summary>
    public static DocumentCollection<AuditEntry> Entries(Func<AuditEntry, string> subjectOf) => new("audit_entries", e => e.Id, e =>
    {
        var subject = subjectOf(e);
        return subject.Length > 0
            ? [new IndexEntry("record", e.Record), new IndexEntry("actor", e.Actor), new IndexEntry("subject", subject)]
            : [new IndexEntry("record", e.Record), new IndexEntry("actor", e.Actor)];
    });
}
