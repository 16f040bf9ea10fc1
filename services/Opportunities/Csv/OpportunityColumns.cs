using Newcomers.BuildingBlocks.Csv;

namespace Newcomers.Opportunities.Csv;

/// <summary>
/// The columns of the opportunity CSV, in the order the export writes them (docs/api.md#csv), and
/// which field of an opportunity each fills: a violation of a field is reported in its column.
/// </summary>
public static class OpportunityColumns
{
    public const string Id = "id";
    public const string Provider = "aanbieder";
    public const string ExternalId = "extern_id";
    public const string Kind = "soort";
    public const string Title = "titel";
    public const string Description = "omschrijving";
    public const string Occupation = "beroep_isco";
    public const string Sector = "sector";
    public const string Dutch = "nederlands";
    public const string Skills = "vaardigheden";
    public const string Languages = "nuttige_talen";
    public const string Latitude = "breedtegraad";
    public const string Longitude = "lengtegraad";
    public const string Postcode = "postcode";
    public const string Municipality = "gemeentecode";
    public const string Capacity = "plaatsen";
    public const string HoursPerWeek = "uren_per_week";
    public const string DayParts = "dagdelen";
    public const string StartDate = "startdatum";
    public const string EndDate = "einddatum";
    public const string CountsTowardsMap = "telt_voor_map";
    public const string LanguageSupport = "taalbegeleiding";
    public const string Status = "status";
    public const string BuddyLanguages = "maatje_talen";
    public const string BuddyInterests = "maatje_interesses";
    public const string BuddyFamily = "gezinsmaatje";
    public const string BuddyGender = "maatje_geslacht";
    public const string BuddyFamiliesOnly = "alleen_gezinnen";
    public const string BuddySharedLanguageOnly = "alleen_gedeelde_taal";

    /// <summary>Every column, in the export's order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Id, Provider, ExternalId, Kind, Title, Description, Occupation, Sector, Dutch, Skills, Languages, Latitude, Longitude, Postcode,
        Municipality, Capacity, HoursPerWeek, DayParts, StartDate, EndDate, CountsTowardsMap, LanguageSupport, Status,
        BuddyLanguages, BuddyInterests, BuddyFamily, BuddyGender, BuddyFamiliesOnly, BuddySharedLanguageOnly,
    ];

    /// <summary>The columns a file must have in its header: every opportunity needs a value in them.</summary>
    public static readonly IReadOnlyList<string> Required = [Provider, Kind, Title, Dutch, Latitude, Longitude, Municipality, Capacity, HoursPerWeek, DayParts];

    /// <summary>The column of each field, for the import's errors.</summary>
    public static readonly CsvColumnMap Map = new("opportunity.", All, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["opportunity_id"] = Id, ["provider_id"] = Provider, ["external_id"] = ExternalId, ["kind"] = Kind, ["title"] = Title,
        ["description"] = Description, ["occupation"] = Occupation, ["sector"] = Sector, ["required_dutch_level"] = Dutch,
        ["skills"] = Skills, ["useful_languages"] = Languages, ["location"] = Latitude, ["location.latitude"] = Latitude,
        ["location.longitude"] = Longitude, ["postcode"] = Postcode, ["municipality_code"] = Municipality, ["capacity"] = Capacity,
        ["schedule"] = DayParts, ["schedule.hours_per_week"] = HoursPerWeek, ["schedule.day_parts"] = DayParts, ["start_date"] = StartDate,
        ["end_date"] = EndDate, ["counts_towards_map"] = CountsTowardsMap, ["language_support"] = LanguageSupport, ["status"] = Status,
        ["buddy"] = BuddyLanguages, ["buddy.languages"] = BuddyLanguages, ["buddy.interests"] = BuddyInterests,
        ["buddy.family_buddy"] = BuddyFamily, ["buddy.gender"] = BuddyGender, ["buddy.families_only"] = BuddyFamiliesOnly,
        ["buddy.shared_language_only"] = BuddySharedLanguageOnly,
    });
}
