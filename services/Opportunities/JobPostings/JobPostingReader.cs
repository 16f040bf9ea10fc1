using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using static Newcomers.Opportunities.JobPostings.JobPostingTerms;

namespace Newcomers.Opportunities.JobPostings;

/// <summary>
/// Reads a schema.org JobPosting in JSON-LD into an opportunity (without provider, id or times). Every
/// value of the wrong shape is a violation named by its JSON-LD path ("jobPosting.jobLocation.geo.latitude");
/// whether the values are valid is then <see cref="Domain.OpportunityRules"/>' to judge. additionalProperty
/// entries with a propertyID of another vocabulary are ignored.
/// </summary>
public static class JobPostingReader
{
    private const string Root = "jobPosting";

    /// <summary>The opportunity the JobPosting describes; violations are added to <paramref name="v"/>.</summary>
    public static Opportunity Read(string jsonLd, Violations v)
    {
        var o = new Opportunity();
        JsonObject? posting;
        try
        {
            posting = JsonNode.Parse(jsonLd) as JsonObject;
        }
        catch (JsonException)
        {
            posting = null;
        }
        if (posting is null)
        {
            v.Add("json_ld", ViolationReasons.InvalidChoice, "the JSON text of one schema.org JobPosting object");
            return o;
        }
        var json = new JsonLdFields(v);
        v.Check(json.Text(posting, "@type", Root) == "JobPosting", $"{Root}.@type", ViolationReasons.InvalidChoice, "\"JobPosting\"");
        if (posting["identifier"] is JsonObject identifier) o.ExternalId = json.Text(identifier, "value", $"{Root}.identifier") ?? "";
        else o.ExternalId = json.Text(posting, "identifier", Root) ?? "";
        v.Check(o.ExternalId.Length > 0, $"{Root}.identifier", ViolationReasons.Required, "a PropertyValue (or text) whose value keys the opportunity within its provider");
        o.Title = json.Text(posting, "title", Root) ?? "";
        o.Description = json.Text(posting, "description", Root) ?? "";
        o.Occupation = (posting["occupationalCategory"] is JsonObject category
            ? json.Text(category, "codeValue", $"{Root}.occupationalCategory") : json.Text(posting, "occupationalCategory", Root)) ?? "";
        if (posting["skills"] is JsonValue skills && skills.TryGetValue<string>(out var list))
            o.Skills.AddRange(list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        else o.Skills.AddRange(json.Texts(posting, "skills", Root));
        if (posting["jobLocation"] is JsonNode place) ReadPlace(place, o, json, v);
        if (json.Date(posting, "validThrough", Root) is { } end) o.EndDate = end;
        var employment = posting["employmentType"] is JsonArray ? json.Texts(posting, "employmentType", Root) : [json.Text(posting, "employmentType", Root) ?? ""];
        var byEmployment = employment.Contains(Intern) ? OpportunityKind.WorkPlacement : employment.Contains(Volunteer) ? OpportunityKind.Volunteering : OpportunityKind.Unspecified;
        v.Check(byEmployment != OpportunityKind.Unspecified, $"{Root}.employmentType", ViolationReasons.InvalidChoice, $"{Intern} or {Volunteer}");
        o.Kind = byEmployment;
        new AdditionalProperties(json, v).Read(posting, o, ReadHours(posting, json));
        if (byEmployment != OpportunityKind.Unspecified)
            v.Check(o.Kind == byEmployment || (o.Kind == OpportunityKind.LanguageBuddy && byEmployment == OpportunityKind.Volunteering),
                $"{Root}.employmentType", ViolationReasons.ConflictingFields, $"{Intern} for a work placement, {Volunteer} for volunteering and language buddies");
        return o;
    }

    /// <summary>The hours in workHours' text ("16 uur per week"), used when no hoursPerWeek property gives them.</summary>
    private static int? ReadHours(JsonObject posting, JsonLdFields json)
    {
        var text = json.Text(posting, "workHours", Root);
        if (text is null) return null;
        var digits = new string(text.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)) return hours;
        json.Violations.Add($"{Root}.workHours", ViolationReasons.InvalidChoice, "hours a week first, as in \"16 uur per week\"");
        return null;
    }

    private static void ReadPlace(JsonNode node, Opportunity o, JsonLdFields json, Violations v)
    {
        var at = $"{Root}.jobLocation";
        if (node is not JsonObject place)
        {
            v.Add(at, ViolationReasons.InvalidChoice, "a Place");
            return;
        }
        if (place["geo"] is JsonObject geo)
        {
            var latitude = json.Number(geo, "latitude", $"{at}.geo");
            var longitude = json.Number(geo, "longitude", $"{at}.geo");
            v.Check(geo["latitude"] is not null, $"{at}.geo.latitude", ViolationReasons.Required, "degrees north, as a number")
                .Check(geo["longitude"] is not null, $"{at}.geo.longitude", ViolationReasons.Required, "degrees east, as a number");
            o.Location = new GeoPoint { Latitude = latitude ?? 0, Longitude = longitude ?? 0 };
        }
        else if (place["geo"] is not null) v.Add($"{at}.geo", ViolationReasons.InvalidChoice, "GeoCoordinates with latitude and longitude");
        if (place["address"] is JsonObject address)
        {
            o.Postcode = json.Text(address, "postalCode", $"{at}.address") ?? "";
            o.MunicipalityCode = json.Text(address, "addressRegion", $"{at}.address") ?? "";
        }
        else if (place["address"] is not null) v.Add($"{at}.address", ViolationReasons.InvalidChoice, "a PostalAddress");
    }
}
