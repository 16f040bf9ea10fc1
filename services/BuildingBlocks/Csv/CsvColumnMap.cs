namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// Which column of a CSV file fills which field of the message its Create RPC takes, so that a
/// violation of a field ("newcomer.languages[1].level") is reported in its column (talen); and where
/// each column stands, to report a row's errors from left to right.
/// </summary>
/// <param name="prefix">The message's field name in the Create request with its dot ("newcomer.").</param>
/// <param name="columns">Every column, in the export's order.</param>
/// <param name="byField">The column of each field path, without the prefix; a path not listed takes the column of its nearest listed parent.</param>
public sealed class CsvColumnMap(string prefix, IReadOnlyList<string> columns, IReadOnlyDictionary<string, string> byField)
{
    private readonly Dictionary<string, int> positions = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    /// <summary>Where the column stands in the export's order; -1 for none.</summary>
    public int IndexOf(string column) => positions.GetValueOrDefault(column, -1);

    /// <summary>The column of a field as the Create RPC names it; empty for none.</summary>
    public string Of(string field)
    {
        var path = field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field;
        if (path.IndexOf('[', StringComparison.Ordinal) is var bracket and >= 0) path = path[..bracket];
        while (true)
        {
            if (byField.TryGetValue(path, out var column)) return column;
            var dot = path.LastIndexOf('.');
            if (dot < 0) return "";
            path = path[..dot];
        }
    }
}
