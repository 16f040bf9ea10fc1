using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Changes that commit together, and the integration events they publish.</summary>
public sealed class ChangeSet
{
    public List<Change> Changes { get; } = [];
    public List<IntegrationEvent> Events { get; } = [];

    /// <summary>Writes a document; expectedVersion 0 means it must not exist yet. It is stored at expectedVersion + 1.</summary>
    public ChangeSet Put(string collection, string id, long expectedVersion, byte[] body, IReadOnlyList<IndexEntry> indexes)
    {
        Changes.Add(new PutDocument(collection, id, expectedVersion, body, indexes));
        return this;
    }

    /// <summary>Rewrites the index entries of a stored document at this version, leaving its body and version; for indexes added after it was written.</summary>
    public ChangeSet Index(string collection, string id, long expectedVersion, IReadOnlyList<IndexEntry> indexes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        Changes.Add(new IndexDocument(collection, id, expectedVersion, indexes));
        return this;
    }

    public ChangeSet Delete(string collection, string id, long expectedVersion)
    {
        Changes.Add(new DeleteDocument(collection, id, expectedVersion));
        return this;
    }

    /// <summary>Claims a unique key for an owner; fails if another owner holds it.</summary>
    public ChangeSet Claim(string key, string owner)
    {
        Changes.Add(new ClaimUnique(key, owner));
        return this;
    }

    public ChangeSet Release(string key)
    {
        Changes.Add(new ReleaseUnique(key));
        return this;
    }

    /// <summary>Adds one to a counter; fails if it already stands at the limit.</summary>
    public ChangeSet Reserve(string counter, long limit)
    {
        Changes.Add(new ReserveSlot(counter, limit));
        return this;
    }

    /// <summary>Takes one from a counter (never below zero).</summary>
    public ChangeSet Free(string counter)
    {
        Changes.Add(new FreeSlot(counter));
        return this;
    }

    public ChangeSet Publish(IntegrationEvent integrationEvent)
    {
        Events.Add(integrationEvent);
        return this;
    }
}
