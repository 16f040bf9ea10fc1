using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>The bad cells of one row as the import reports them: one error per column, the first found, in Dutch, from left to right.</summary>
public static class CsvRowErrors
{
    public static IEnumerable<CsvRowError> Of(int row, Violations v, CsvColumnMap columns) =>
        v.All.GroupBy(f => columns.Of(f.Field)).Select(g => g.First()).Select(f => new CsvRowError
        {
            Row = row, Column = columns.Of(f.Field), Reason = f.Reason, Field = f.Field, Message = DutchViolationText.For(f.Field, f.Reason, f.Description),
        }).OrderBy(e => columns.IndexOf(e.Column));

    /// <summary>An error of the row as a whole, or of a column of the header, with its own Dutch sentence.</summary>
    public static CsvRowError Row(int row, string column, string reason, string message) =>
        new() { Row = row, Column = column, Reason = reason, Message = message };
}
