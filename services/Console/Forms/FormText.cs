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
}
