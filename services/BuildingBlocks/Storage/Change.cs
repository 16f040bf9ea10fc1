namespace Newcomers.BuildingBlocks.Storage;

/// <summary>One change of a <see cref="ChangeSet"/>; the adapters apply each kind.</summary>
public abstract record Change;

public sealed record PutDocument(string Collection, string Id, long ExpectedVersion, byte[] Body, IReadOnlyList<IndexEntry> Indexes) : Change;

/// <summary>Rewrites a stored document's index entries at the version it is at; its body and version stay as they are.</summary>
public sealed record IndexDocument(string Collection, string Id, long ExpectedVersion, IReadOnlyList<IndexEntry> Indexes) : Change;

public sealed record DeleteDocument(string Collection, string Id, long ExpectedVersion) : Change;

public sealed record ClaimUnique(string Key, string Owner) : Change;

public sealed record ReleaseUnique(string Key) : Change;

public sealed record ReserveSlot(string Counter, long Limit) : Change;

public sealed record FreeSlot(string Counter) : Change;
