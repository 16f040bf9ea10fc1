using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Opportunities.Domain;

/// <summary>What valid providers and opportunities are. Field names are reported under the given prefix.</summary>
public static class OpportunityRules
{
    /// <summary>The most newcomers one language buddy takes at once.</summary>
    public const int MaxBuddyCapacity = 3;

    public static readonly IReadOnlySet<string> MutableProvider = new HashSet<string> { "name", "kind", "municipality_code", "platform_id" };

    public static readonly IReadOnlySet<string> MutableOpportunity = new HashSet<string>
    {
        "title", "description", "occupation", "sector", "required_dutch_level", "useful_languages", "skills", "schedule",
        "location", "municipality_code", "postcode", "capacity", "start_date", "end_date", "language_support",
        "counts_towards_map", "status", "buddy",
    };

    /// <summary>The update flows of UpdateProvider and UpdateOpportunity.</summary>
    public static readonly Update<Provider> ProviderUpdate = new("provider", MutableProvider, Validate, p => p.Id, p => p.Version);

    public static readonly Update<Opportunity> OpportunityUpdate = new("opportunity", MutableOpportunity, Validate, o => o.Id, o => o.Version);

    public static void Validate(Provider p, string prefix, Violations v)
    {
        v.Text(p.Name, $"{prefix}.name", 200, required: true);
        v.Check(Rules.Defined(p.Kind), $"{prefix}.kind", ViolationReasons.InvalidChoice, "required: a ProviderKind such as PROVIDER_KIND_EMPLOYER");
        v.Municipality(p.MunicipalityCode, $"{prefix}.municipality_code");
        v.OptionalId(p.PlatformId, $"{prefix}.platform_id");
    }

    public static void Validate(Opportunity o, string prefix, Violations v)
    {
        v.Id(o.ProviderId, $"{prefix}.provider_id");
        v.Check(Rules.Defined(o.Kind), $"{prefix}.kind", ViolationReasons.InvalidChoice, "required: WORK_PLACEMENT, VOLUNTEERING or LANGUAGE_BUDDY");
        v.Text(o.Title, $"{prefix}.title", 200, required: true);
        v.Text(o.Description, $"{prefix}.description", 4000);
        if (o.Kind == OpportunityKind.WorkPlacement || o.Occupation.Length > 0) v.Isco(o.Occupation, $"{prefix}.occupation");
        v.Text(o.Sector, $"{prefix}.sector", 100);
        v.Level(o.RequiredDutchLevel, $"{prefix}.required_dutch_level");
        v.Check(o.UsefulLanguages.Count <= 20, $"{prefix}.useful_languages", ViolationReasons.TooMany, "at most 20 languages");
        for (var i = 0; i < o.UsefulLanguages.Count && i < 20; i++) v.Language(o.UsefulLanguages[i], $"{prefix}.useful_languages[{i}]");
        v.Labels(o.Skills, $"{prefix}.skills");
        v.Availability(o.Schedule, $"{prefix}.schedule");
        v.Location(o.Location, $"{prefix}.location");
        v.Municipality(o.MunicipalityCode, $"{prefix}.municipality_code");
        v.Postcode(o.Postcode, $"{prefix}.postcode");
        if (o.Kind == OpportunityKind.LanguageBuddy)
            v.Check(o.Capacity is >= 1 and <= MaxBuddyCapacity, $"{prefix}.capacity", ViolationReasons.OutOfRange,
                $"between 1 and {MaxBuddyCapacity} for a language buddy: one volunteer takes at most {MaxBuddyCapacity} newcomers");
        else v.Check(o.Capacity is >= 1 and <= 1000, $"{prefix}.capacity", ViolationReasons.OutOfRange, "between 1 and 1000");
        v.Date(o.StartDate, $"{prefix}.start_date").Date(o.EndDate, $"{prefix}.end_date");
        if (Dates.TryToDateOnly(o.StartDate, out var start) && Dates.TryToDateOnly(o.EndDate, out var end))
            v.Check(end >= start, $"{prefix}.end_date", ViolationReasons.DateOrder, "on or after start_date");
        v.Check(Enum.IsDefined(o.Status), $"{prefix}.status", ViolationReasons.InvalidChoice, "an OpportunityStatus value");
        if (o.Buddy is { } buddy)
        {
            v.Check(o.Kind == OpportunityKind.LanguageBuddy, $"{prefix}.buddy", ViolationReasons.NotAllowed, "only for OPPORTUNITY_KIND_LANGUAGE_BUDDY");
            v.Check(buddy.Languages.Count <= 20, $"{prefix}.buddy.languages", ViolationReasons.TooMany, "at most 20 languages");
            for (var i = 0; i < buddy.Languages.Count && i < 20; i++) v.Language(buddy.Languages[i], $"{prefix}.buddy.languages[{i}]");
            v.Labels(buddy.Interests, $"{prefix}.buddy.interests", 20);
            v.Check(Enum.IsDefined(buddy.Gender), $"{prefix}.buddy.gender", ViolationReasons.InvalidChoice, "a Gender value");
            v.Check(!buddy.FamiliesOnly || buddy.FamilyBuddy, $"{prefix}.buddy.families_only", ViolationReasons.NotAllowed,
                "only with family_buddy: a buddy who takes households only is a family buddy");
            v.Check(!buddy.SharedLanguageOnly || buddy.Languages.Count > 0, $"{prefix}.buddy.languages", ViolationReasons.Required,
                "at least one language with shared_language_only");
        }
    }
}
