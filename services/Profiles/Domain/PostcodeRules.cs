using System.Globalization;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>
/// What a postcode table is: four-digit postcodes (PC4), each once, each in a municipality with a
/// CBS code and one name, at a centroid inside the Netherlands. Checks the rows of a postcode file
/// and makes them the table's entries.
/// </summary>
public static class PostcodeRules
{
    /// <summary>The columns of a postcode file, in the order of its documented header.</summary>
    public static readonly IReadOnlyList<string> Columns = ["postcode", "gemeentecode", "gemeentenaam", "latitude", "longitude"];

    /// <summary>The Netherlands' extent in degrees: a centroid outside it is a mistake, such as latitude and longitude swapped.</summary>
    public const double MinLatitude = 50.7, MaxLatitude = 53.6, MinLongitude = 3.3, MaxLongitude = 7.3;

    /// <summary>The longest municipality name the table takes.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// The entries of the rows. Every problem of every row is added to <paramref name="problems"/>;
    /// a table with any problem must not be written.
    /// </summary>
    public static List<Postcode> Check(IEnumerable<PostcodeRow> rows, List<PostcodeProblem> problems)
    {
        var entries = new List<Postcode>();
        var rowOf = new Dictionary<string, long>();
        var names = new Dictionary<string, (string Name, long Row)>();
        var seen = 0;
        foreach (var row in rows)
        {
            seen++;
            if (Read(row, problems) is not { } entry) continue;
            if (rowOf.TryGetValue(entry.Postcode_, out var first))
            {
                problems.Add(new(row.Row, "postcode", $"{entry.Postcode_} is also in row {first}"));
                continue;
            }
            rowOf[entry.Postcode_] = row.Row;
            if (names.TryGetValue(entry.MunicipalityCode, out var named) && named.Name != entry.MunicipalityName)
                problems.Add(new(row.Row, "gemeentenaam", $"{entry.MunicipalityCode} is named \"{named.Name}\" in row {named.Row}"));
            names.TryAdd(entry.MunicipalityCode, (entry.MunicipalityName, row.Row));
            entries.Add(entry);
        }
        if (seen == 0) problems.Add(new(0, "", "no postcodes: the file has no rows under its header (the table is replaced whole, so it would be emptied)"));
        return entries;
    }

    /// <summary>A number of degrees with a decimal point or a decimal comma ("52.173", "52,173"), as Dutch spreadsheets write them.</summary>
    public static bool TryParseDegrees(string text, out double degrees)
    {
        var normal = text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal) ? text.Replace(',', '.') : text;
        return double.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out degrees)
            && double.IsFinite(degrees);
    }

    private static Postcode? Read(PostcodeRow row, List<PostcodeProblem> problems)
    {
        var before = problems.Count;
        void Check(bool good, string column, string message)
        {
            if (!good) problems.Add(new(row.Row, column, message));
        }
        Check(Rules.IsPostcode(row.Postcode), "postcode", $"{Shown(row.Postcode)} is not four digits, such as 3762");
        Check(Rules.IsMunicipalityCode(row.MunicipalityCode), "gemeentecode", $"{Shown(row.MunicipalityCode)} is not a CBS municipality code, such as GM0342");
        if (string.IsNullOrWhiteSpace(row.MunicipalityName)) Check(false, "gemeentenaam", "empty: the municipality's name is required");
        else if (row.MunicipalityName.Contains('\uFFFD', StringComparison.Ordinal)) Check(false, "gemeentenaam", "not UTF-8 text: save the file as CSV UTF-8");
        else Check(row.MunicipalityName.Length <= MaxNameLength, "gemeentenaam", $"longer than {MaxNameLength} characters");
        var latitude = Degrees(row.Latitude, "latitude", MinLatitude, MaxLatitude, Check);
        var longitude = Degrees(row.Longitude, "longitude", MinLongitude, MaxLongitude, Check);
        return problems.Count > before ? null : new Postcode
        {
            Postcode_ = row.Postcode, MunicipalityCode = row.MunicipalityCode, MunicipalityName = row.MunicipalityName.Trim(),
            Location = new GeoPoint { Latitude = latitude, Longitude = longitude },
        };
    }

    private static double Degrees(string text, string column, double min, double max, Action<bool, string, string> check)
    {
        if (!TryParseDegrees(text, out var degrees))
        {
            check(false, column, $"{Shown(text)} is not a number of degrees, such as 52.173 or 52,173");
            return 0;
        }
        check(degrees >= min && degrees <= max, column, $"{degrees.ToString(CultureInfo.InvariantCulture)} lies outside the Netherlands ({min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})");
        return degrees;
    }

    private static string Shown(string value) => value.Length == 0 ? "empty" : $"\"{(value.Length <= 40 ? value : value[..40] + "…")}\"";
}
