namespace Newcomers.BuildingBlocks.Storage;

/// <summary>A collection of opaque byte documents (a trained model's file): written once, read whole.</summary>
public sealed class BlobCollection(string name)
{
    public string Name => name;

    /// <summary>Adds a write of a new blob; the commit fails if the id is taken.</summary>
    public ChangeSet Put(ChangeSet changes, string id, byte[] body) => changes.Put(name, id, 0, body, []);
}
