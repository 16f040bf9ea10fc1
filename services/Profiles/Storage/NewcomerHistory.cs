using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Storage;

/// <summary>
/// The append-only history of each newcomer's status and Dutch level, a collection of its own (not
/// in the Newcomer message, which travels in events and read models). Entries are written with the
/// change they record, in its commit, and only erasure deletes them. An entry's id is the newcomer's
/// id, the version the change made and the field, so a newcomer's entries in id order are oldest first.
/// </summary>
public static class NewcomerHistory
{
    public static readonly DocumentCollection<NewcomerHistoryEntry> Entries = new("newcomer_history", IdOf,
        e => [Of(e.NewcomerId)]);

    /// <summary>The index entry of one newcomer's history.</summary>
    public static IndexEntry Of(string newcomerId) => new("newcomer", newcomerId);

    /// <summary>
    /// Adds an entry for each of status and Dutch level that differs between the stored newcomer
    /// (null on create: both are recorded) and the newcomer as it is written, at its new version.
    /// </summary>
    public static ChangeSet Append(ChangeSet changes, Newcomer? stored, Newcomer written)
    {
        var (status, level) = (stored?.Status ?? NewcomerStatus.Unspecified, stored?.DutchLevel ?? CefrLevel.Unspecified);
        if (stored is null || status != written.Status)
            Put(changes, Entry(written, NewcomerHistoryField.Status, e => (e.FromStatus, e.ToStatus) = (status, written.Status)));
        if (stored is null || level != written.DutchLevel)
            Put(changes, Entry(written, NewcomerHistoryField.DutchLevel, e => (e.FromDutchLevel, e.ToDutchLevel) = (level, written.DutchLevel)));
        return changes;
    }

    /// <summary>Adds the deletes of every entry of the newcomer, for its erasure.</summary>
    public static async Task<ChangeSet> EraseAsync(ChangeSet changes, ProfileStore store, string newcomerId, CancellationToken cancellationToken)
    {
        await foreach (var entry in store.StreamAsync(Entries, Of(newcomerId), cancellationToken))
            Entries.Delete(changes, IdOf(entry), Written);
        return changes;
    }

    private static NewcomerHistoryEntry Entry(Newcomer written, NewcomerHistoryField field, Action<NewcomerHistoryEntry> values)
    {
        var entry = new NewcomerHistoryEntry { NewcomerId = written.Id, NewcomerVersion = written.Version, ChangeTime = written.UpdateTime, Field = field };
        values(entry);
        return entry;
    }

    /// <summary>The stored version of every entry: each is written once (expected version 0, so a second write of it fails the commit) and never again.</summary>
    private const long Written = 1;

    private static void Put(ChangeSet changes, NewcomerHistoryEntry entry) => Entries.Put(changes, entry, Written - 1);

    private static string IdOf(NewcomerHistoryEntry e) => $"{e.NewcomerId}/{e.NewcomerVersion:D12}/{(int)e.Field}";
}
