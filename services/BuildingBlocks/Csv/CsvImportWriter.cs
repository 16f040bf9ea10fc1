using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// Writes an import's good rows in commits of <see cref="Batch"/>, each item whole (with its markers and
/// events, as <see cref="CsvRows{T}.Add"/> makes them). When a commit fails because a key was taken
/// meanwhile, that batch is written one item at a time, and an item that still conflicts is reported on
/// its row instead.
/// </summary>
public static class CsvImportWriter
{
    public const int Batch = 500;

    public static async Task<int> WriteAsync<T>(CsvRows<T> rows, ServiceStore store, List<(int Row, T Item)> good, List<CsvRowError> errors, CancellationToken ct)
        where T : class
    {
        var written = 0;
        foreach (var batch in good.Chunk(Batch))
        {
            try
            {
                await store.CommitAsync(batch.Aggregate(new ChangeSet(), (changes, g) => rows.Add(changes, g.Item)), ct);
                written += batch.Length;
            }
            catch (Exception exception) when (exception is ConcurrencyConflictException or UniqueConflictException)
            {
                foreach (var (row, item) in batch)
                    try
                    {
                        await store.CommitAsync(rows.Add(new ChangeSet(), item), ct);
                        written++;
                    }
                    catch (Exception conflict) when (conflict is ConcurrencyConflictException or UniqueConflictException)
                    {
                        errors.AddRange(rows.Conflict(row, item, conflict));
                    }
            }
        }
        return written;
    }
}
