using System.Globalization;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// How a cell holds a value, both ways: lists separated by ';' inside their cell, numbers with a
/// decimal comma (a point is read too), yes/no as "ja"/"nee", enums as their Dutch words. A cell
/// that cannot be read is a violation of its field, in the names the Create RPC uses.
/// </summary>
public static class CsvCells
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "ja" : "nee";

    public static string Day(Google.Type.Date? date) => date is null ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static string Join(IEnumerable<string> values) => string.Join(';', values);

    public static List<string> List(string cell) => [.. cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public static TEnum Token<TEnum>(CsvTokens<TEnum> tokens, string word, string field, Violations v) where TEnum : struct, Enum
    {
        if (tokens.TryRead(word, out var value)) return value;
        v.Add(field, ViolationReasons.InvalidChoice, $"one of {string.Join(", ", tokens.Words)}");
        return default;
    }

    public static IEnumerable<TEnum> Tokens<TEnum>(CsvTokens<TEnum> tokens, string cell, string field, Violations v) where TEnum : struct, Enum =>
        List(cell).Select(word => Token(tokens, word, field, v)).ToList();

    public static double Number(string cell, string field, Violations v)
    {
        if (double.TryParse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        if (cell.Length > 0) v.Add(field, ViolationReasons.OutOfRange, "a number, with a decimal comma or point");
        return 0;
    }

    public static int Whole(string cell, string field, Violations v)
    {
        if (int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (cell.Length > 0) v.Add(field, ViolationReasons.OutOfRange, "a whole number");
        return 0;
    }

    public static bool Bool(string cell, string field, Violations v)
    {
        if (cell.Length == 0 || cell.Equals("nee", StringComparison.OrdinalIgnoreCase)) return false;
        if (cell.Equals("ja", StringComparison.OrdinalIgnoreCase)) return true;
        v.Add(field, ViolationReasons.InvalidChoice, "ja or nee");
        return false;
    }

    /// <summary>A date written yyyy-mm-dd; null for an empty cell.</summary>
    public static Google.Type.Date? Day(string cell, string field, Violations v)
    {
        if (cell.Length == 0) return null;
        if (DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return Dates.ToDate(day);
        v.Add(field, ViolationReasons.InvalidDate, "a date written yyyy-mm-dd");
        return null;
    }
}
