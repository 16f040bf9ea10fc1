using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// What one kind of CSV import reads and writes: its columns, how a row becomes an item (or errors),
/// how an item is added to a commit, and what a row's error is when its item alone cannot be committed
/// because another writer took its id (or another unique key) meanwhile.
/// </summary>
/// <param name="Columns">Every column the import reads; a column the file lacks reads as empty cells.</param>
/// <param name="RequiredColumns">The columns the header must have.</param>
/// <param name="CheckRow">The row's item, or null after adding its errors; it may throw to end the import (a row the caller may not write).</param>
/// <param name="Add">Adds the item, whole, to a commit.</param>
/// <param name="Conflict">The errors of a row whose item's own commit failed with the given conflict.</param>
public sealed record CsvRows<T>(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> RequiredColumns,
    Func<int, Func<string, string>, List<CsvRowError>, CancellationToken, Task<T?>> CheckRow,
    Func<ChangeSet, T, ChangeSet> Add,
    Func<int, T, Exception, IEnumerable<CsvRowError>> Conflict) where T : class;
