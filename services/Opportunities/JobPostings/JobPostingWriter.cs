using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newcomers.Contracts.V1;
using static Newcomers.Opportunities.JobPostings.JobPostingTerms;

namespace Newcomers.Opportunities.JobPostings;

/// <summary>
/// Writes an opportunity as a schema.org JobPosting in JSON-LD. Fields that are not set are left out;
/// a schedule, location or buddy that is there is written even when its values are defaults, so
/// <see cref="JobPostingReader"/> gives the same opportunity back.
/// </summary>
public static class JobPostingWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The JobPosting's JSON-LD text.</summary>
    public static string Write(Opportunity o)
    {
        var posting = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "JobPosting",
            ["identifier"] = Property(ExternalId, o.ExternalId.Length > 0 ? o.ExternalId : o.Id),
            ["title"] = o.Title,
            ["employmentType"] = o.Kind == OpportunityKind.WorkPlacement ? Intern : Volunteer,
            ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["identifier"] = o.ProviderId },
        };
        if (o.Description.Length > 0) posting["description"] = o.Description;
        if (o.Occupation.Length > 0)
            posting["occupationalCategory"] = new JsonObject { ["@type"] = "CategoryCode", ["codeValue"] = o.Occupation, ["inCodeSet"] = IscoCodeSet };
        if (o.Skills.Count > 0) posting["skills"] = Array(o.Skills);
        if (o.Schedule is not null) posting["workHours"] = $"{o.Schedule.HoursPerWeek} uur per week";
        if (o.Location is not null || o.MunicipalityCode.Length > 0 || o.Postcode.Length > 0) posting["jobLocation"] = Place(o);
        if (o.EndDate is not null) posting["validThrough"] = Date(o.EndDate);
        if (o.CreateTime is not null) posting["datePosted"] = o.CreateTime.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        posting["additionalProperty"] = AdditionalProperties(o);
        return posting.ToJsonString(Indented);
    }

    private static JsonObject Place(Opportunity o)
    {
        var address = new JsonObject { ["@type"] = "PostalAddress", ["addressCountry"] = "NL" };
        if (o.Postcode.Length > 0) address["postalCode"] = o.Postcode;
        if (o.MunicipalityCode.Length > 0) address["addressRegion"] = o.MunicipalityCode;
        var place = new JsonObject { ["@type"] = "Place", ["address"] = address };
        if (o.Location is not null)
            place["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = o.Location.Latitude, ["longitude"] = o.Location.Longitude };
        return place;
    }

    private static JsonArray AdditionalProperties(Opportunity o)
    {
        var properties = new JsonArray { Property(Kind, ProtoNames.Of(o.Kind)) };
        if (o.Sector.Length > 0) properties.Add(Property(Sector, o.Sector));
        if (o.RequiredDutchLevel != CefrLevel.Unspecified) properties.Add(Property(RequiredDutchLevel, ProtoNames.Of(o.RequiredDutchLevel)));
        if (o.UsefulLanguages.Count > 0) properties.Add(Property(UsefulLanguages, Array(o.UsefulLanguages)));
        if (o.Schedule is not null)
        {
            properties.Add(Property(HoursPerWeek, o.Schedule.HoursPerWeek));
            properties.Add(Property(DayParts, Array(o.Schedule.DayParts.Select(ProtoNames.Of))));
        }
        if (o.Capacity != 0) properties.Add(Property(Capacity, o.Capacity));
        if (o.StartDate is not null) properties.Add(Property(StartDate, Date(o.StartDate)));
        if (o.LanguageSupport) properties.Add(Property(LanguageSupport, true));
        if (o.CountsTowardsMap) properties.Add(Property(CountsTowardsMap, true));
        if (o.Status != OpportunityStatus.Unspecified) properties.Add(Property(Status, ProtoNames.Of(o.Status)));
        if (o.Buddy is { } buddy)
        {
            properties.Add(Property(FamilyBuddy, buddy.FamilyBuddy));
            if (buddy.Languages.Count > 0) properties.Add(Property(BuddyLanguages, Array(buddy.Languages)));
            if (buddy.Interests.Count > 0) properties.Add(Property(BuddyInterests, Array(buddy.Interests)));
            if (buddy.Gender != Gender.Unspecified) properties.Add(Property(BuddyGender, ProtoNames.Of(buddy.Gender)));
            if (buddy.FamiliesOnly) properties.Add(Property(FamiliesOnly, true));
            if (buddy.SharedLanguageOnly) properties.Add(Property(SharedLanguageOnly, true));
        }
        return properties;
    }

    private static JsonObject Property(string id, JsonNode? value) =>
        new() { ["@type"] = "PropertyValue", ["propertyID"] = id, ["value"] = value };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static string Date(Google.Type.Date d) => $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";
}
