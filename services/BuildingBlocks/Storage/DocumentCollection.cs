using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// A typed view of one collection: protobuf documents, their id, their secondary index entries,
/// and the message's own "version" field, which mirrors the stored version.
/// </summary>
public sealed class DocumentCollection<T>(string name, Func<T, string> id, Func<T, IEnumerable<IndexEntry>>? indexes = null)
    where T : IMessage<T>, new()
{
    private static readonly MessageParser<T> Parser = new(() => new T());
    private static readonly FieldDescriptor? VersionField = new T().Descriptor.FindFieldByName("version");

    public string Name => name;

    public string IdOf(T document) => id(document);

    public T Read(StoredDocument stored)
    {
        var document = Parser.ParseFrom(stored.Body);
        VersionField?.Accessor.SetValue(document, stored.Version);
        return document;
    }

    /// <summary>Adds a delete of the document at this version.</summary>
    public ChangeSet Delete(ChangeSet changes, string documentId, long expectedVersion) => changes.Delete(name, documentId, expectedVersion);

    /// <summary>Adds a rewrite of the stored document's index entries as this collection now makes them, at its version, which stays.</summary>
    public ChangeSet Reindex(ChangeSet changes, T document, long version) => changes.Index(name, id(document), version, indexes?.Invoke(document).ToList() ?? []);

    /// <summary>Adds a write of the document, based on the version it carries, and moves it to the next version.</summary>
    public void Put(ChangeSet changes, T document, long expectedVersion)
    {
        VersionField?.Accessor.SetValue(document, expectedVersion + 1);
        changes.Put(name, id(document), expectedVersion, document.ToByteArray(), indexes?.Invoke(document).ToList() ?? []);
    }
}
