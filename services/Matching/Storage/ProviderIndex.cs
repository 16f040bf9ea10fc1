using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Storage;

/// <summary>
/// ListMatches by provider reads the "provider" index of the matches, which a match gets when it is
/// written. Matches stored before that index existed are indexed at start, before the service is
/// ready: each at the version it is at, its body and version unchanged (so no client's version goes
/// stale), once per store; a claim records that it is done. A match that changes meanwhile is
/// indexed by that write itself.
/// </summary>
public static class ProviderIndex
{
    /// <summary>Held once every match stored before the provider index has its entry.</summary>
    public const string DoneKey = "index-done:matches-by-provider";

    private const int Batch = 500;

    /// <summary>Indexes the matches of a store that has not been indexed by provider yet; returns how many it indexed.</summary>
    public static async Task<int> EnsureAsync(MatchStore store, CancellationToken cancellationToken)
    {
        if (await store.GetClaimOwnerAsync(DoneKey, cancellationToken) is not null) return 0;
        var indexed = 0;
        var batch = new List<Match>(Batch);
        await foreach (var match in store.StreamAsync(MatchStore.Matches, cancellationToken: cancellationToken))
        {
            batch.Add(match);
            if (batch.Count == Batch) indexed += await IndexAsync(store, batch, cancellationToken);
        }
        indexed += await IndexAsync(store, batch, cancellationToken);
        await store.CommitAsync(new ChangeSet().Claim(DoneKey, "done"), cancellationToken);
        return indexed;
    }

    private static async Task<int> IndexAsync(MatchStore store, List<Match> batch, CancellationToken cancellationToken)
    {
        var indexed = batch.Count;
        try
        {
            var changes = new ChangeSet();
            foreach (var match in batch) MatchStore.Matches.Reindex(changes, match, match.Version);
            if (batch.Count > 0) await store.CommitAsync(changes, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // One of them changed or went since it was read: index the others one at a time.
            indexed = 0;
            foreach (var match in batch)
            {
                try
                {
                    await store.CommitAsync(MatchStore.Matches.Reindex(new ChangeSet(), match, match.Version), cancellationToken);
                    indexed++;
                }
                catch (ConcurrencyConflictException)
                {
                    // Written again (and so indexed) or deleted since.
                }
            }
        }
        batch.Clear();
        return indexed;
    }
}
