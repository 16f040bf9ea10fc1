using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>What a valid newcomer is. Field names are reported under the given prefix.</summary>
public static class NewcomerRules
{
    public static void Validate(Newcomer n, string prefix, Violations v)
    {
        v.Municipality(n.MunicipalityCode, $"{prefix}.municipality_code");
        v.Id(n.CaseworkerId, $"{prefix}.caseworker_id");
        v.Text(n.DisplayName, $"{prefix}.display_name", 200, required: true);
        v.Text(n.CaseworkerContact, $"{prefix}.caseworker_contact", 200);
        v.OptionalId(n.HouseholdId, $"{prefix}.household_id");
        // Without home, the postcode places the newcomer (HomeFromPostcode): the API sets home from the postcode table or reports the postcode.
        if (n.Home is not null || n.Postcode.Length == 0) v.Location(n.Home, $"{prefix}.home");
        v.Postcode(n.Postcode, $"{prefix}.postcode");
        v.Level(n.DutchLevel, $"{prefix}.dutch_level");
        v.Check(n.Languages.Count <= 20, $"{prefix}.languages", ViolationReasons.TooMany, "at most 20 languages");
        for (var i = 0; i < n.Languages.Count && i < 20; i++)
        {
            v.Language(n.Languages[i].Language, $"{prefix}.languages[{i}].language");
            v.Level(n.Languages[i].Level, $"{prefix}.languages[{i}].level");
        }
        v.Check(n.Languages.Select(l => l.Language).Distinct().Count() == n.Languages.Count, $"{prefix}.languages", ViolationReasons.Duplicate, "each language once");
        v.Check(Rules.Defined(n.Leerroute), $"{prefix}.leerroute", ViolationReasons.InvalidChoice, "required: LEERROUTE_B1, LEERROUTE_ONDERWIJS or LEERROUTE_Z");
        v.Count(n.PipGoals.Count, $"{prefix}.pip_goals", 5, "one to five goals of the PIP");
        for (var i = 0; i < n.PipGoals.Count; i++)
            v.Check(Rules.Defined(n.PipGoals[i]), $"{prefix}.pip_goals[{i}]", ViolationReasons.InvalidChoice, "a goal such as PIP_GOAL_WORK");
        v.Check(n.MapHoursDone is >= 0 and <= 2000, $"{prefix}.map_hours_done", ViolationReasons.OutOfRange, "between 0 and 2000");
        v.Check(n.Occupations.Count <= 20, $"{prefix}.occupations", ViolationReasons.TooMany, "at most 20 occupations");
        for (var i = 0; i < n.Occupations.Count && i < 20; i++)
            v.Isco(n.Occupations[i], $"{prefix}.occupations[{i}]");
        v.Labels(n.Skills, $"{prefix}.skills");
        v.Check(Enum.IsDefined(n.EducationLevel), $"{prefix}.education_level", ViolationReasons.InvalidChoice, "an EducationLevel value");
        v.Availability(n.Availability, $"{prefix}.availability");
        v.Check(n.MaxTravelKm is >= 0.5 and <= 100, $"{prefix}.max_travel_km", ViolationReasons.OutOfRange, "between 0.5 and 100 km");
        v.Check(n.TravelModes.Count >= 1, $"{prefix}.travel_modes", ViolationReasons.Required, "at least one way to travel");
        for (var i = 0; i < n.TravelModes.Count; i++)
            v.Check(Rules.Defined(n.TravelModes[i]), $"{prefix}.travel_modes[{i}]", ViolationReasons.InvalidChoice, "a mode such as TRAVEL_MODE_BICYCLE");
        if (n.BuddyPreferences is { } buddy)
        {
            v.Check(Enum.IsDefined(buddy.BuddyGender), $"{prefix}.buddy_preferences.buddy_gender", ViolationReasons.InvalidChoice, "a Gender value");
            v.Labels(buddy.Interests, $"{prefix}.buddy_preferences.interests", 20);
        }
        v.Check(Enum.IsDefined(n.Status), $"{prefix}.status", ViolationReasons.InvalidChoice, "a NewcomerStatus value");
        InburgeringStart(n.InburgeringStart, $"{prefix}.inburgering_start", v);
    }

    /// <summary>The earliest start of an inburgering: the day the Wet inburgering 2013 took effect. No term that began before it still runs.</summary>
    public static readonly DateOnly EarliestInburgeringStart = new(2013, 1, 1);

    /// <summary>How many days after today a start may lie: a start already announced (DUO's letter), not a guess.</summary>
    public const int InburgeringStartDaysAhead = 90;

    /// <summary>Optional; a real date from <see cref="EarliestInburgeringStart"/> to <see cref="InburgeringStartDaysAhead"/> days after today (UTC).</summary>
    private static void InburgeringStart(Google.Type.Date? start, string field, Violations v)
    {
        if (start is null) return;
        if (!Dates.TryToDateOnly(start, out var day))
        {
            v.Date(start, field);
            return;
        }
        var latest = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(InburgeringStartDaysAhead);
        v.Check(day >= EarliestInburgeringStart && day <= latest, field, ViolationReasons.OutOfRange,
            $"from {EarliestInburgeringStart:yyyy-MM-dd} to {InburgeringStartDaysAhead} days after today");
    }

    /// <summary>Fields a client may change with UpdateNewcomer.</summary>
    public static readonly IReadOnlySet<string> Mutable = new HashSet<string>
    {
        "municipality_code", "caseworker_id", "display_name", "home", "postcode", "dutch_level", "languages", "leerroute",
        "pip_goals", "occupations", "skills", "education_level", "availability", "max_travel_km", "travel_modes",
        "buddy_preferences", "status", "caseworker_contact", "household_id", "inburgering_start",
    };

    /// <summary>The update flow of UpdateNewcomer: what may change, and what the result must be.</summary>
    public static readonly Update<Newcomer> Update = new("newcomer", Mutable, Validate, n => n.Id, n => n.Version);

    public static void Validate(ProtectedAttributes p, string prefix, Violations v)
    {
        v.Id(p.NewcomerId, $"{prefix}.newcomer_id");
        v.Check(Enum.IsDefined(p.Gender), $"{prefix}.gender", ViolationReasons.InvalidChoice, "a Gender value");
        v.Check(p.BirthYear == 0 || p.BirthYear >= 1900 && p.BirthYear <= DateTime.UtcNow.Year, $"{prefix}.birth_year", ViolationReasons.OutOfRange, "0, or a year from 1900 to this year");
        v.Check(p.CountryOfOrigin.Length == 0 || p.CountryOfOrigin.Length == 2 && p.CountryOfOrigin.All(char.IsAsciiLetterUpper),
            $"{prefix}.country_of_origin", ViolationReasons.InvalidCountryCode, "empty, or an ISO 3166-1 alpha-2 code such as SY");
    }
}
