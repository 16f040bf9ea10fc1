namespace Newcomers.Profiles.Domain;

/// <summary>Something wrong in a postcode file.</summary>
/// <param name="Row">The row, as <see cref="PostcodeRow.Row"/> counts it; 0 for the header or the file as a whole.</param>
/// <param name="Column">The column at fault, or empty when the row (or the file) is.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record PostcodeProblem(long Row, string Column, string Message)
{
    /// <summary>The problem as the load-postcodes command prints it: "row 7, latitude: …".</summary>
    public override string ToString() => (Row, Column) switch
    {
        (0, "") => Message,
        (0, _) => $"header, {Column}: {Message}",
        (_, "") => $"row {Row}: {Message}",
        _ => $"row {Row}, {Column}: {Message}",
    };
}
