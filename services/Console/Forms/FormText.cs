using System.Globalization;
using Newcomers.Console.Text;

namespace Newcomers.Console.Forms;

/// <summary>What people type into a form, read as the API's values: lists split on commas, numbers with a decimal comma.</summary>
public static class FormText
{
    public static List<string> List(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public static string Join(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>A number as a Dutch user types it ("12,5" or "12.5"); null when it is not one.</summary>
    public static double? Number(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return 0;
        return double.TryParse(trimmed, NumberStyles.Number, Dutch.Culture, out var value)
            || double.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out value) ? value : null;
    }

    public static string Number(double value) => value == 0 ? "" : value.ToString("0.##", Dutch.Culture);

    /// <summary>A date as a date field sends it (2027-02-01), or as a Dutch user types it (1-2-2027); null when empty, an error when neither.</summary>
    public static Google.Type.Date? Date(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(text.Trim(), "d-M-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
            return new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day };
        errors[field] = "Vul een datum in, zoals 1-2-2027.";
        return null;
    }

    /// <summary>The date as a date field shows it; null for none.</summary>
    public static string? Iso(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? null : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
