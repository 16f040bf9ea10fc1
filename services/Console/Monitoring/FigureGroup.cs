namespace Newcomers.Console.Monitoring;

/// <summary>How a group of figures is drawn: parts of a whole per month, counts over time, or medians with their spread.</summary>
public enum ChartKind { StackedBars, Lines, Spread }

/// <summary>
/// One value of a month: a count or a median (with its quartiles), or null when the service
/// suppressed it because the group is smaller than the minimum group size.
/// </summary>
public readonly record struct FigureValue(double? Value, double? Low = null, double? High = null)
{
    public bool Suppressed => Value is null;

    public static FigureValue Of(Newcomers.Contracts.V1.FigureCount? count) =>
        count is { ValueCase: Newcomers.Contracts.V1.FigureCount.ValueOneofCase.Count } c ? new(c.Count) : new(null);

    public static FigureValue Of(Newcomers.Contracts.V1.FigureSpread? spread) =>
        spread is null || spread.Suppressed ? new(null) : new(spread.Median, spread.P25, spread.P75);
}

/// <summary>A line of figures, one value per month of the range. Series that are not drawn appear in the table only (totals).</summary>
public sealed record FigureSeries(string Name, IReadOnlyList<FigureValue> Values, bool Drawn = true);

/// <summary>
/// One chart and its table: the same numbers twice, for those who look and for screen readers.
/// The page and the CSV download both take their figures from here.
/// </summary>
public sealed record FigureGroup(string Id, string Section, string Title, string Note, string Unit, ChartKind Kind,
    IReadOnlyList<string> Months, IReadOnlyList<FigureSeries> Series, double? Reference = null, string? ReferenceLabel = null)
{
    public IEnumerable<FigureSeries> DrawnSeries => Series.Where(s => s.Drawn);
}
