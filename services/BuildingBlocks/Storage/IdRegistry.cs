namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// An id is never used twice, even after its resource was deleted or erased: events about the old
/// resource must not be mistaken for the new one. A unique claim per id is taken on create and
/// handed to "retired" on delete. The claim is keyed by a marker of the id (see <see cref="Markers"/>),
/// so an erased id is not kept.
/// </summary>
public sealed class IdRegistry(Markers markers, IDocumentStore documents)
{
    private const string InUse = "in-use";
    private const string Retired = "retired";

    public ChangeSet Take(ChangeSet changes, string collection, string id) => changes.Claim(Key(collection, markers.Of(id)), InUse);

    /// <summary>Deletes the document and retires its id for good.</summary>
    public ChangeSet Retire(ChangeSet changes, string collection, string id, long expectedVersion) =>
        changes.Delete(collection, id, expectedVersion).Release(Key(collection, markers.Of(id))).Claim(Key(collection, markers.Of(id)), Retired);

    /// <summary>Whether the id was used before markers were keyed (such claims are read, never written).</summary>
    public async Task<bool> UsedBeforeKeyedMarkersAsync(string collection, string id, CancellationToken cancellationToken) =>
        await documents.GetUniqueOwnerAsync(Key(collection, Markers.Unkeyed(id)), cancellationToken) is not null;

    private static string Key(string collection, string marker) => $"id:{collection}:{marker}";
}
