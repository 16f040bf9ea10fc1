using Newcomers.BuildingBlocks.Csv;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using static Newcomers.BuildingBlocks.Csv.CsvCells;
using C = Newcomers.Profiles.Csv.NewcomerColumns;

namespace Newcomers.Profiles.Csv;

/// <summary>
/// One newcomer as a CSV record: the cells the export writes, and the newcomer the import reads
/// from them. A cell that is not a word or number of its column is a violation of its field, in
/// the names the Create RPC uses, so that one table maps both to columns. Lists are separated by
/// ';' inside their cell, numbers take a decimal comma (or point).
/// </summary>
public static class NewcomerRecord
{
    public static string[] Write(Newcomer n) =>
    [
        n.Id, n.MunicipalityCode, n.CaseworkerId, n.DisplayName, n.CaseworkerContact, n.HouseholdId, n.Postcode,
        n.Home is null ? "" : Number(n.Home.Latitude), n.Home is null ? "" : Number(n.Home.Longitude),
        CommonTokens.Level.Write(n.DutchLevel), string.Join(';', n.Languages.Select(l => $"{l.Language}:{CommonTokens.Level.Write(l.Level)}")),
        NewcomerTokens.Leerroute.Write(n.Leerroute), string.Join(';', n.PipGoals.Select(NewcomerTokens.PipGoal.Write)), Number(n.MapHoursDone),
        string.Join(';', n.Occupations), string.Join(';', n.Skills), NewcomerTokens.Education.Write(n.EducationLevel),
        n.Availability is null ? "" : Whole(n.Availability.HoursPerWeek),
        n.Availability is null ? "" : string.Join(';', n.Availability.DayParts.Select(CommonTokens.DayPart.Write)), Number(n.MaxTravelKm),
        string.Join(';', n.TravelModes.Select(NewcomerTokens.Travel.Write)), CommonTokens.Gender.Write(n.BuddyPreferences?.BuddyGender ?? Gender.Unspecified),
        YesNo(n.BuddyPreferences?.FamilyBuddy ?? false), string.Join(';', n.BuddyPreferences?.Interests ?? []),
        YesNo(n.Consent?.Matching ?? false), YesNo(n.Consent?.ShareWithProviders ?? false), YesNo(n.Consent?.FairnessAudit ?? false),
        NewcomerTokens.Status.Write(n.Status), Day(n.InburgeringStart),
    ];

    /// <summary>The newcomer of the cells (a missing column reads as an empty cell); what cannot be read is added to v.</summary>
    public static Newcomer Read(Func<string, string> cell, Violations v)
    {
        var n = new Newcomer
        {
            Id = cell(C.Id), MunicipalityCode = cell(C.Municipality), CaseworkerId = cell(C.Caseworker), DisplayName = cell(C.Name),
            CaseworkerContact = cell(C.CaseworkerContact), HouseholdId = cell(C.Household), Postcode = cell(C.Postcode),
            DutchLevel = Token(CommonTokens.Level, cell(C.Dutch), "newcomer.dutch_level", v),
            Leerroute = Token(NewcomerTokens.Leerroute, cell(C.Leerroute), "newcomer.leerroute", v),
            MapHoursDone = cell(C.MapHours) is { Length: > 0 } hours ? Number(hours, "newcomer.map_hours_done", v) : 0,
            EducationLevel = Token(NewcomerTokens.Education, cell(C.Education), "newcomer.education_level", v),
            MaxTravelKm = Number(cell(C.MaxTravelKm), "newcomer.max_travel_km", v),
            Status = Token(NewcomerTokens.Status, cell(C.Status), "newcomer.status", v),
            InburgeringStart = Day(cell(C.InburgeringStart), "newcomer.inburgering_start", v),
            Consent = new Consent
            {
                Matching = Bool(cell(C.ConsentMatching), "newcomer.consent.matching", v),
                ShareWithProviders = Bool(cell(C.ConsentSharing), "newcomer.consent.share_with_providers", v),
                FairnessAudit = Bool(cell(C.ConsentFairness), "newcomer.consent.fairness_audit", v),
            },
            Availability = new Availability
            {
                HoursPerWeek = Whole(cell(C.HoursPerWeek), "newcomer.availability.hours_per_week", v),
                DayParts = { Tokens(CommonTokens.DayPart, cell(C.DayParts), "newcomer.availability.day_parts", v) },
            },
            PipGoals = { Tokens(NewcomerTokens.PipGoal, cell(C.PipGoals), "newcomer.pip_goals", v) },
            TravelModes = { Tokens(NewcomerTokens.Travel, cell(C.Travel), "newcomer.travel_modes", v) },
            Occupations = { List(cell(C.Occupations)) },
            Skills = { List(cell(C.Skills)) },
        };
        foreach (var entry in List(cell(C.Languages)))
        {
            var (code, level) = entry.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (entry[..colon].Trim(), entry[(colon + 1)..].Trim()) : (entry, "");
            n.Languages.Add(new LanguageSkill { Language = code, Level = Token(CommonTokens.Level, level, "newcomer.languages", v) });
        }
        var (latitude, longitude) = (cell(C.Latitude), cell(C.Longitude));
        if (latitude.Length > 0 || longitude.Length > 0)
            n.Home = new GeoPoint { Latitude = Number(latitude, "newcomer.home.latitude", v), Longitude = Number(longitude, "newcomer.home.longitude", v) };
        var (gender, family, interests) = (cell(C.BuddyGender), cell(C.FamilyBuddy), cell(C.Interests));
        if (gender.Length > 0 || family.Length > 0 || interests.Length > 0)
            n.BuddyPreferences = new BuddyPreferences
            {
                BuddyGender = Token(CommonTokens.Gender, gender, "newcomer.buddy_preferences.buddy_gender", v),
                FamilyBuddy = Bool(family, "newcomer.buddy_preferences.family_buddy", v),
                Interests = { List(interests) },
            };
        return n;
    }
}
