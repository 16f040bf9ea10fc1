using Newcomers.BuildingBlocks.Csv;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Csv;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

public sealed partial class ProfilesApi
{
    /// <summary>
    /// Writes the newcomers in commits of <see cref="ImportBatch"/>, each newcomer whole with its id
    /// marker and event. When a commit fails because an id was taken meanwhile, that batch is written
    /// one newcomer at a time, and a newcomer whose id is taken is reported on its row instead.
    /// </summary>
    private async Task<int> WriteAsync(List<(int Row, Newcomer Newcomer)> newcomers, List<CsvRowError> errors, CancellationToken ct)
    {
        var written = 0;
        foreach (var batch in newcomers.Chunk(ImportBatch))
        {
            try
            {
                await store.CommitAsync(batch.Aggregate(new ChangeSet(), (changes, good) => Add(changes, good.Newcomer)), ct);
                written += batch.Length;
            }
            catch (Exception exception) when (exception is ConcurrencyConflictException or UniqueConflictException)
            {
                foreach (var (row, newcomer) in batch)
                    try
                    {
                        await store.CommitAsync(Add(new ChangeSet(), newcomer), ct);
                        written++;
                    }
                    catch (Exception conflict) when (conflict is ConcurrencyConflictException or UniqueConflictException)
                    {
                        var v = new Violations().Add("newcomer_id", ViolationReasons.Duplicate, "an id no other newcomer has, or none");
                        errors.AddRange(CsvRowErrors.Of(row, v, NewcomerColumns.Of));
                    }
            }
        }
        return written;
    }

    private ChangeSet Add(ChangeSet changes, Newcomer newcomer)
    {
        store.IdRegistry.Take(changes, ProfileStore.Newcomers, newcomer.Id);
        ProfileStore.Newcomers.Put(changes, newcomer, 0);
        return changes.Publish(Minimised.Changed(newcomer));
    }
}
