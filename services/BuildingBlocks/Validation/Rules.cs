using System.Text.RegularExpressions;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>Field rules shared by the services. Each adds a violation naming the field.</summary>
public static partial class Rules
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.:/-]{1,128}$")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();

    /// <summary>Whether the value is a CBS municipality code such as GM0342.</summary>
    public static bool IsMunicipalityCode(string value) => MunicipalityPattern().IsMatch(value);

    public static bool IsId(string value) => IdPattern().IsMatch(value);

    /// <summary>Whether the value is the four digits of a Dutch postcode, such as 3762.</summary>
    public static bool IsPostcode(string value) => FourDigits().IsMatch(value);

    public static Violations Id(this Violations v, string value, string field) =>
        v.Check(IdPattern().IsMatch(value), field, ViolationReasons.InvalidId, "required: 1 to 64 letters, digits, '-' or '_'");

    /// <summary>A platform's own id: more lenient than ours, since platforms use URLs, paths and dotted ids.</summary>
    public static Violations ExternalId(this Violations v, string value, string field) =>
        v.Check(ExternalIdPattern().IsMatch(value), field, ViolationReasons.InvalidId, "required: 1 to 128 letters, digits, '-', '_', '.', ':' or '/'");

    public static Violations OptionalId(this Violations v, string value, string field) =>
        value.Length == 0 ? v : v.Id(value, field);

    public static Violations Municipality(this Violations v, string value, string field) =>
        v.Check(IsMunicipalityCode(value), field, ViolationReasons.InvalidMunicipalityCode, "required: a CBS municipality code such as GM0342");

    /// <summary>A list of municipality codes: at most <paramref name="max"/>, each a CBS code, each once.</summary>
    public static Violations Municipalities(this Violations v, IReadOnlyList<string> codes, string field, int max)
    {
        v.Check(codes.Count <= max, field, ViolationReasons.TooMany, $"at most {max} municipalities");
        for (var i = 0; i < codes.Count && i < max; i++)
        {
            v.Municipality(codes[i], $"{field}[{i}]");
            if (codes.Take(i).Contains(codes[i])) v.Add($"{field}[{i}]", ViolationReasons.Duplicate, "each municipality once");
        }
        return v;
    }

    public static Violations Postcode(this Violations v, string value, string field) =>
        v.Check(value.Length == 0 || IsPostcode(value), field, ViolationReasons.InvalidPostcode, "a four-digit postcode such as 3762, or empty");

    public static Violations Isco(this Violations v, string value, string field) =>
        v.Check(FourDigits().IsMatch(value) && value[0] != '0' || value is "0110" or "0210" or "0310", field,
            ViolationReasons.InvalidIscoCode, "an ISCO-08 unit group code of four digits, such as 7512");

    public static Violations Language(this Violations v, string value, string field) =>
        v.Check(LanguagePattern().IsMatch(value), field, ViolationReasons.InvalidLanguageCode, "an ISO 639 code in lower case, such as ar or prs");

    public static Violations Text(this Violations v, string value, string field, int max, bool required = false)
    {
        var description = required ? $"required, at most {max} characters" : $"at most {max} characters";
        return required && string.IsNullOrWhiteSpace(value) ? v.Add(field, ViolationReasons.Required, description)
            : v.Check(value.Length <= max, field, ViolationReasons.TooLong, description);
    }

    public static Violations Labels(this Violations v, IReadOnlyList<string> values, string field, int maxCount = 50)
    {
        v.Check(values.Count <= maxCount, field, ViolationReasons.TooMany, $"at most {maxCount} entries");
        for (var i = 0; i < values.Count && i < maxCount; i++)
            v.Text(values[i], $"{field}[{i}]", 100, required: true);
        return v;
    }

    /// <summary>One to max entries: none is REQUIRED, more than max TOO_MANY.</summary>
    public static Violations Count(this Violations v, int count, string field, int max, string description) =>
        count == 0 ? v.Add(field, ViolationReasons.Required, description) : v.Check(count <= max, field, ViolationReasons.TooMany, description);

    public static Violations Location(this Violations v, GeoPoint? point, string field)
    {
        if (point is null) return v.Add(field, ViolationReasons.Required, "required");
        v.Check(point.Latitude is >= -85 and <= 85 && point.Latitude != 0, $"{field}.latitude", ViolationReasons.InvalidLocation, "required: degrees between -85 and 85");
        return v.Check(point.Longitude is >= -180 and <= 180 && point.Longitude != 0, $"{field}.longitude", ViolationReasons.InvalidLocation, "required: degrees between -180 and 180");
    }

    public static Violations Level(this Violations v, CefrLevel level, string field) =>
        v.Check(level != CefrLevel.Unspecified && Enum.IsDefined(level), field, ViolationReasons.InvalidChoice, "required: a CEFR level from A0 to C2");

    public static Violations Availability(this Violations v, Availability? availability, string field)
    {
        if (availability is null) return v.Add(field, ViolationReasons.Required, "required");
        v.Check(availability.HoursPerWeek is >= 1 and <= 60, $"{field}.hours_per_week", ViolationReasons.OutOfRange, "between 1 and 60");
        v.Check(availability.DayParts.Count > 0, $"{field}.day_parts", ViolationReasons.Required, "at least one part of the week");
        for (var i = 0; i < availability.DayParts.Count; i++)
            v.Check(Defined(availability.DayParts[i]), $"{field}.day_parts[{i}]", ViolationReasons.InvalidChoice, "a part of the week such as DAY_PART_MONDAY_MORNING");
        return v;
    }

    /// <summary>The page size of a List RPC asked with page_size 0.</summary>
    public const int DefaultPageSize = 100;

    public static Violations PageSize(this Violations v, int pageSize, string field = "page_size") =>
        v.Check(pageSize is >= 0 and <= 1000, field, ViolationReasons.OutOfRange, $"between 0 and 1000 (0 means {DefaultPageSize})");

    /// <summary>A page token is valid only for the caller and the query it was given for.</summary>
    public static Violations PageToken(this Violations v, bool readable, string field = "page_token") =>
        v.Check(readable, field, ViolationReasons.InvalidPageToken, "not a token this caller got from a previous page of this query");

    /// <summary>True for a value the enum defines, other than its UNSPECIFIED zero.</summary>
    public static bool Defined<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0;
}
