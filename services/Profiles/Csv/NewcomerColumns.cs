using Newcomers.BuildingBlocks.Csv;

namespace Newcomers.Profiles.Csv;

/// <summary>
/// The columns of the newcomer CSV, in the order the export writes them, and which field of a
/// newcomer each fills: a violation of a field is reported in its column.
/// </summary>
public static class NewcomerColumns
{
    public const string Id = "id";
    public const string Municipality = "gemeentecode";
    public const string Caseworker = "klantmanager";
    public const string Name = "naam";
    public const string CaseworkerContact = "contact_klantmanager";
    public const string Household = "huishouden";
    public const string Postcode = "postcode";
    public const string Latitude = "breedtegraad";
    public const string Longitude = "lengtegraad";
    public const string Dutch = "nederlands";
    public const string Languages = "talen";
    public const string Leerroute = "leerroute";
    public const string PipGoals = "pip_doelen";
    public const string MapHours = "map_uren";
    public const string Occupations = "beroepen";
    public const string Skills = "vaardigheden";
    public const string Education = "opleiding";
    public const string HoursPerWeek = "uren_per_week";
    public const string DayParts = "dagdelen";
    public const string MaxTravelKm = "max_reisafstand_km";
    public const string Travel = "vervoer";
    public const string BuddyGender = "maatje_geslacht";
    public const string FamilyBuddy = "gezinsmaatje";
    public const string Interests = "interesses";
    public const string ConsentMatching = "toestemming_matching";
    public const string ConsentSharing = "toestemming_delen";
    public const string ConsentFairness = "toestemming_fairness";
    public const string Status = "status";
    public const string InburgeringStart = "start_inburgering";

    /// <summary>Every column, in the export's order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Id, Municipality, Caseworker, Name, CaseworkerContact, Household, Postcode, Latitude, Longitude, Dutch, Languages, Leerroute, PipGoals,
        MapHours, Occupations, Skills, Education, HoursPerWeek, DayParts, MaxTravelKm, Travel, BuddyGender, FamilyBuddy, Interests,
        ConsentMatching, ConsentSharing, ConsentFairness, Status, InburgeringStart,
    ];

    /// <summary>The columns a file must have in its header: every newcomer needs a value in them.</summary>
    public static readonly IReadOnlyList<string> Required = [Municipality, Caseworker, Name, Dutch, Leerroute, PipGoals, HoursPerWeek, DayParts, MaxTravelKm, Travel];

    /// <summary>The column of each field, for the import's errors.</summary>
    public static readonly CsvColumnMap Map = new("newcomer.", All, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["newcomer_id"] = Id, ["municipality_code"] = Municipality, ["caseworker_id"] = Caseworker, ["display_name"] = Name,
        ["caseworker_contact"] = CaseworkerContact, ["household_id"] = Household, ["postcode"] = Postcode, ["home"] = Latitude,
        ["home.latitude"] = Latitude, ["home.longitude"] = Longitude, ["dutch_level"] = Dutch, ["languages"] = Languages,
        ["leerroute"] = Leerroute, ["pip_goals"] = PipGoals, ["map_hours_done"] = MapHours, ["occupations"] = Occupations,
        ["skills"] = Skills, ["education_level"] = Education, ["availability"] = DayParts, ["availability.hours_per_week"] = HoursPerWeek,
        ["availability.day_parts"] = DayParts, ["max_travel_km"] = MaxTravelKm, ["travel_modes"] = Travel,
        ["buddy_preferences.buddy_gender"] = BuddyGender, ["buddy_preferences.family_buddy"] = FamilyBuddy,
        ["buddy_preferences.interests"] = Interests, ["consent.matching"] = ConsentMatching, ["consent.share_with_providers"] = ConsentSharing,
        ["consent.fairness_audit"] = ConsentFairness, ["status"] = Status, ["inburgering_start"] = InburgeringStart,
    });
}
