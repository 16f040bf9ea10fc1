using System.Text.Json.Nodes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using static Newcomers.Opportunities.JobPostings.JobPostingTerms;

namespace Newcomers.Opportunities.JobPostings;

/// <summary>Reads a JobPosting's additionalProperty entries of this service's vocabulary into an opportunity.</summary>
public sealed class AdditionalProperties(JsonLdFields json, Violations v)
{
    private const string At = "jobPosting.additionalProperty";

    /// <summary>Sets the fields the entries carry; <paramref name="workHours"/> stands in for a missing hoursPerWeek.</summary>
    public void Read(JsonObject posting, Opportunity o, int? workHours)
    {
        var node = posting["additionalProperty"];
        var entries = node is null ? [] : node as JsonArray ?? [];
        if (node is not null and not JsonArray) v.Add(At, ViolationReasons.InvalidChoice, "an array of PropertyValue");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? hours = null;
        List<DayPart>? dayParts = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"{At}[{i}]";
            if (entries[i] is not JsonObject entry || json.Text(entry, "propertyID", path) is not { } id)
            {
                v.Add($"{path}.propertyID", ViolationReasons.Required, "a PropertyValue with a propertyID");
                continue;
            }
            if (!seen.Add(id))
            {
                v.Add($"{path}.propertyID", ViolationReasons.Duplicate, "each propertyID once");
                continue;
            }
            var value = entry["value"];
            var valuePath = $"{path}.value";
            switch (id)
            {
                case Kind: o.Kind = json.Choice<OpportunityKind>(value, valuePath); break;
                case Sector: o.Sector = json.Text(value, valuePath) ?? ""; break;
                case RequiredDutchLevel: o.RequiredDutchLevel = json.Choice<CefrLevel>(value, valuePath); break;
                case UsefulLanguages: o.UsefulLanguages.AddRange(json.Texts(value, valuePath)); break;
                case HoursPerWeek: hours = json.WholeNumber(value, valuePath) ?? 0; break;
                case DayParts: dayParts = json.Texts(value, valuePath).Select((p, j) => json.Choice<DayPart>(JsonValue.Create(p), $"{valuePath}[{j}]")).ToList(); break;
                case Capacity: o.Capacity = json.WholeNumber(value, valuePath) ?? 0; break;
                case StartDate: o.StartDate = json.Date(value, valuePath); break;
                case LanguageSupport: o.LanguageSupport = json.Boolean(value, valuePath); break;
                case CountsTowardsMap: o.CountsTowardsMap = json.Boolean(value, valuePath); break;
                case Status: o.Status = json.Choice<OpportunityStatus>(value, valuePath); break;
                case FamilyBuddy: Buddy(o).FamilyBuddy = json.Boolean(value, valuePath); break;
                case BuddyLanguages: Buddy(o).Languages.AddRange(json.Texts(value, valuePath)); break;
                case BuddyInterests: Buddy(o).Interests.AddRange(json.Texts(value, valuePath)); break;
                case BuddyGender: Buddy(o).Gender = json.Choice<Gender>(value, valuePath); break;
                case FamiliesOnly: Buddy(o).FamiliesOnly = json.Boolean(value, valuePath); break;
                case SharedLanguageOnly: Buddy(o).SharedLanguageOnly = json.Boolean(value, valuePath); break;
                case ExternalId: v.Add($"{path}.propertyID", ViolationReasons.NotAllowed, "the identifier, not an additionalProperty"); break;
            }
        }
        hours ??= workHours;
        if (hours is not null || dayParts is not null)
            o.Schedule = new Availability { HoursPerWeek = hours ?? 0, DayParts = { dayParts ?? [] } };
    }

    private static BuddyOffer Buddy(Opportunity o) => o.Buddy ??= new BuddyOffer();
}
