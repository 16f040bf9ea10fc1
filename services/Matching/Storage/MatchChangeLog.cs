using System.Globalization;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Storage;

/// <summary>
/// Every change of a match in the order it committed, under a sequence that only grows: what
/// WatchMatches resumes from. An entry commits in the same change set as the change it records,
/// and takes the next number by a compare-and-set on a counter (a reservation up to exactly that
/// number), so entries commit in sequence order on every store and every replica, and a number is
/// never given twice, not even after the entry holding it was trimmed or erased.
/// </summary>
public sealed class MatchChangeLog(MatchStore store, IOptions<MatchingOptions> options)
{
    /// <summary>The entries by sequence (ids zero-padded, so id order is sequence order), indexed by newcomer for erasure.</summary>
    public static readonly DocumentCollection<MatchChangeEntry> Entries = new("match_changes", e => IdOf(e.Sequence),
        e => [new IndexEntry("newcomer", e.NewcomerId)]);

    /// <summary>The counter that stands at the last sequence given.</summary>
    public const string SequenceKey = "match-changes:sequence";

    private const int TrimEvery = 64, TrimBatch = 256, ReadBatch = 256;

    /// <summary>How many of the last changes are kept (Matching:MatchChangesKept).</summary>
    public long Kept => options.Value.MatchChangesKept;

    public static string IdOf(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The sequence of the last change committed; 0 before the first.</summary>
    public Task<long> LastAsync(CancellationToken cancellationToken) => store.GetCounterAsync(SequenceKey, cancellationToken);

    /// <summary>Whether every change after this sequence is still kept, so a watch may resume from it.</summary>
    public async Task<bool> KeepsAfterAsync(long sequence, CancellationToken cancellationToken)
    {
        var last = await LastAsync(cancellationToken);
        return sequence >= 0 && sequence <= last && last - sequence <= Kept;
    }

    /// <summary>
    /// Commits the change set with an entry for the match (as events carry it: without the reason in
    /// words) as the next in the log. Another change taking that number first is no conflict of the
    /// caller's: the entry is numbered again and committed on its own retry.
    /// </summary>
    public async Task CommitAsync(ChangeSet changes, Match match, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sequence = await LastAsync(cancellationToken) + 1;
            // The reservation comes first: both adapters check in order, so a lost race reports this key, not the entry's id.
            var numbered = new ChangeSet().Reserve(SequenceKey, sequence);
            numbered.Changes.AddRange(changes.Changes);
            numbered.Events.AddRange(changes.Events);
            Entries.Put(numbered, new MatchChangeEntry { Sequence = sequence, NewcomerId = match.NewcomerId, Match = new Match(match) { Reason = "" }.ToByteString() }, 0);
            try
            {
                await store.CommitAsync(numbered, cancellationToken);
            }
            catch (CapacityExceededException lost) when (lost.Key == SequenceKey && attempt < 1000)
            {
                await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10)), cancellationToken);
                continue;
            }
            if (sequence % TrimEvery == 0) await TrimAsync(sequence - Kept, cancellationToken);
            return;
        }
    }

    /// <summary>Up to a batch of entries after this sequence, oldest first, each with its match.</summary>
    public async Task<IReadOnlyList<(long Sequence, Match Match)>> AfterAsync(long sequence, CancellationToken cancellationToken)
    {
        var (entries, _) = await store.ListAsync(Entries, null, ReadBatch, IdOf(sequence), cancellationToken: cancellationToken);
        return [.. entries.Select(e => (e.Sequence, Match.Parser.ParseFrom(e.Match)))];
    }

    /// <summary>Deletes every entry of a newcomer's matches (erasure).</summary>
    public async Task EraseAsync(string newcomerId, CancellationToken cancellationToken)
    {
        // A trim may delete some of them meanwhile: then read again.
        await Optimistic.RetryAsync(async () =>
        {
            var changes = new ChangeSet();
            await foreach (var entry in store.StreamAsync(Entries, new IndexEntry("newcomer", newcomerId), cancellationToken))
                Entries.Delete(changes, Entries.IdOf(entry), entry.Version);
            if (changes.Changes.Count > 0) await store.CommitAsync(changes, cancellationToken);
        });
    }

    /// <summary>Deletes entries up to this sequence, the oldest first, a batch at a time (an erasure may have taken some already).</summary>
    private async Task TrimAsync(long upTo, CancellationToken cancellationToken)
    {
        if (upTo <= 0) return;
        var (entries, _) = await store.ListAsync(Entries, null, TrimBatch, null, cancellationToken: cancellationToken);
        foreach (var entry in entries.TakeWhile(e => e.Sequence <= upTo))
        {
            try
            {
                await store.CommitAsync(Entries.Delete(new ChangeSet(), Entries.IdOf(entry), entry.Version), cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Erased meanwhile.
            }
        }
    }
}
