using System.Globalization;
using System.Text.Json.Nodes;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.Opportunities.JobPostings;

/// <summary>Reads typed values out of JSON-LD nodes; a value of the wrong type is a violation at its path.</summary>
public sealed class JsonLdFields(Violations v)
{
    /// <summary>Where the violations go.</summary>
    public Violations Violations => v;

    /// <summary>A text, or null when absent.</summary>
    public string? Text(JsonObject parent, string name, string at) => Text(parent[name], $"{at}.{name}");

    public string? Text(JsonNode? node, string path)
    {
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        v.Add(path, ViolationReasons.InvalidChoice, "text");
        return null;
    }

    /// <summary>An array of texts, or none when absent.</summary>
    public List<string> Texts(JsonObject parent, string name, string at) => Texts(parent[name], $"{at}.{name}");

    public List<string> Texts(JsonNode? node, string path)
    {
        if (node is null) return [];
        if (node is not JsonArray array)
        {
            v.Add(path, ViolationReasons.InvalidChoice, "an array of texts");
            return [];
        }
        return array.Select((item, i) => Text(item, $"{path}[{i}]")).OfType<string>().ToList();
    }

    /// <summary>A number, or null when absent.</summary>
    public double? Number(JsonObject parent, string name, string at)
    {
        var node = parent[name];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<double>(out var number)) return number;
        v.Add($"{at}.{name}", ViolationReasons.InvalidChoice, "a number");
        return null;
    }

    public int? WholeNumber(JsonNode? node, string path)
    {
        if (node is JsonValue value && value.TryGetValue<double>(out var number) && number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue)
            return (int)number;
        v.Add(path, ViolationReasons.InvalidChoice, "a whole number");
        return null;
    }

    public bool Boolean(JsonNode? node, string path)
    {
        if (node is JsonValue value && value.TryGetValue<bool>(out var flag)) return flag;
        v.Add(path, ViolationReasons.InvalidChoice, "true or false");
        return false;
    }

    /// <summary>A date ("2027-03-31", or a date and time of which the date counts), or null when absent.</summary>
    public Google.Type.Date? Date(JsonObject parent, string name, string at) => Date(parent[name], $"{at}.{name}");

    public Google.Type.Date? Date(JsonNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null) return null;
        var day = text.Length >= 10 ? text[..10] : text;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return Dates.ToDate(date);
        v.Add(path, ViolationReasons.InvalidDate, "an ISO 8601 date such as 2027-03-31");
        return null;
    }

    /// <summary>An enum value by its proto name.</summary>
    public T Choice<T>(JsonNode? node, string path) where T : struct, Enum
    {
        var text = Text(node, path);
        if (text is null) return default;
        if (ProtoNames.TryParse<T>(text, out var value)) return value;
        v.Add(path, ViolationReasons.InvalidChoice, $"one of {ProtoNames.Example<T>()}");
        return default;
    }
}
