using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;

namespace Newcomers.Profiles.Storage;

/// <summary>
/// The postcode table: four-digit postcode (PC4) → municipality and centroid, one document per
/// postcode in the Profiles store. It is read from the store on every call and never cached, so a
/// table loaded into the same store by another process (the host's load-postcodes command) is in
/// use at once.
/// </summary>
public sealed class PostcodeTable(ProfileStore store)
{
    /// <summary>The postcode's entry, or null when the table does not hold it.</summary>
    public Task<Postcode?> FindAsync(string postcode, CancellationToken cancellationToken = default) =>
        store.GetAsync(ProfileStore.Postcodes, postcode, cancellationToken);

    /// <summary>The municipalities of the table, sorted by name, with how many postcodes each has.</summary>
    public async Task<List<Municipality>> MunicipalitiesAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<Postcode>();
        await foreach (var postcode in store.StreamAsync(ProfileStore.Postcodes, cancellationToken: cancellationToken)) all.Add(postcode);
        return MunicipalityList.Of(all);
    }

    /// <summary>
    /// Makes the table hold exactly these entries (each postcode once, as <see cref="PostcodeRules.Check"/>
    /// leaves them), in one commit: the new ones added, the different ones changed, the others
    /// removed. Loading the same entries again changes nothing.
    /// </summary>
    public Task<PostcodeLoad> ReplaceAsync(IReadOnlyList<Postcode> entries, CancellationToken cancellationToken = default) =>
        LoadAsync(entries, replace: true, cancellationToken);

    /// <summary>Adds the entries whose postcode the table does not hold, in one commit; changes and removes nothing.</summary>
    public Task<PostcodeLoad> AddMissingAsync(IReadOnlyList<Postcode> entries, CancellationToken cancellationToken = default) =>
        LoadAsync(entries, replace: false, cancellationToken);

    private Task<PostcodeLoad> LoadAsync(IReadOnlyList<Postcode> entries, bool replace, CancellationToken cancellationToken) => Optimistic.RetryAsync(async () =>
    {
        // Every write is based on the version read here: another load in between makes this one read again and retry.
        var stored = new Dictionary<string, (Postcode Entry, long Version)>();
        await foreach (var (entry, version) in store.StreamVersionedAsync(ProfileStore.Postcodes, cancellationToken)) stored[entry.Postcode_] = (entry, version);
        var changes = new ChangeSet();
        int added = 0, changed = 0, removed = 0;
        foreach (var entry in entries)
        {
            if (!stored.Remove(entry.Postcode_, out var current))
            {
                ProfileStore.Postcodes.Put(changes, entry.Clone(), 0);
                added++;
            }
            else if (replace && !current.Entry.Equals(entry))
            {
                ProfileStore.Postcodes.Put(changes, entry.Clone(), current.Version);
                changed++;
            }
        }
        if (replace)
        {
            foreach (var (postcode, current) in stored) ProfileStore.Postcodes.Delete(changes, postcode, current.Version);
            removed = stored.Count;
        }
        if (changes.Changes.Count > 0) await store.CommitAsync(changes, cancellationToken);
        return new PostcodeLoad(entries.Count, added, changed, removed);
    });
}
