using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Audit;

/// <summary>The audit log's own store. Entries are only ever added, and pseudonymised on erasure.</summary>
public sealed class AuditStore(IDocumentStoreFactory factory, Markers markers, IEventBus bus, ILogger<AuditStore> logger)
    : ServiceStore(factory.Open("audit"), markers, bus, logger)
{
    /// <summary>Indexed by record (for queries and erasure) and by actor.</summary>
    public static readonly DocumentCollection<AuditEntry> Entries = new("audit_entries", e => e.Id,
        e => [new IndexEntry("record", e.Record), new IndexEntry("actor", e.Actor)]);
}
