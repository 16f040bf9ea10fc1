namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// An id is never used twice, even after its resource was deleted or erased: events about the old
/// resource must not be mistaken for the new one. A unique claim per id is taken on create and
/// handed to "retired" on delete. The claim is keyed by a marker of the id (see <see cref="Markers"/>),
/// so an erased id is not kept.
/// </summary>
public sealed class IdRegistry(Markers markers, IDocumentStore documents, Func<string, Task<bool>> holdsUnkeyed)
{
    /// <summary>Claims under keyed markers; older versions wrote "id:{collection}:{SHA-256}".</summary>
    private const string KeyedPrefix = "keyed-id:", UnkeyedPrefix = "id:";

    private const string InUse = "in-use";
    private const string Retired = "retired";

    /// <summary>Claims the id in the collection; the commit fails if it is in use or was ever retired.</summary>
    public ChangeSet Take<T>(ChangeSet changes, DocumentCollection<T> collection, string id) where T : Google.Protobuf.IMessage<T>, new() =>
        changes.Claim(Key(collection.Name, markers.Of(id)), InUse);

    /// <summary>Deletes the document and retires its id for good.</summary>
    public ChangeSet Retire<T>(ChangeSet changes, DocumentCollection<T> collection, string id, long expectedVersion) where T : Google.Protobuf.IMessage<T>, new() =>
        collection.Delete(changes, id, expectedVersion).Release(Key(collection.Name, markers.Of(id))).Claim(Key(collection.Name, markers.Of(id)), Retired);

    /// <summary>Whether the id was used before markers were keyed (such claims are read, never written).</summary>
    public async Task<bool> UsedBeforeKeyedMarkersAsync<T>(DocumentCollection<T> collection, string id, CancellationToken cancellationToken) where T : Google.Protobuf.IMessage<T>, new() =>
        await holdsUnkeyed($"{UnkeyedPrefix}{collection.Name}:")
        && await documents.GetUniqueOwnerAsync($"{UnkeyedPrefix}{collection.Name}:{Markers.Unkeyed(id)}", cancellationToken) is not null;

    private static string Key(string collection, string marker) => $"{KeyedPrefix}{collection}:{marker}";
}
