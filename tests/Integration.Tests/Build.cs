using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Valid requests of the scenario's people and places, to change one field at a time.</summary>
public static class Build
{
    public static GeoPoint SoestCentre => new() { Latitude = 52.1730, Longitude = 5.2910 };

    public static Newcomer Newcomer(string caseworker = "soest-km-1") => new()
    {
        MunicipalityCode = "GM0342", CaseworkerId = caseworker, DisplayName = "Amina K.", Home = SoestCentre,
        DutchLevel = CefrLevel.A2, Languages = { new LanguageSkill { Language = "ar", Level = CefrLevel.C2 } }, Leerroute = Leerroute.B1,
        PipGoals = { PipGoal.Work, PipGoal.Buddy }, Occupations = { "7512" }, Skills = { "deeg bereiden" }, EducationLevel = EducationLevel.Secondary,
        Availability = new Availability { HoursPerWeek = 24, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning, DayPart.WednesdayAfternoon } },
        MaxTravelKm = 10, TravelModes = { TravelMode.Bicycle }, BuddyPreferences = new BuddyPreferences { Interests = { "koken", "wandelen" } },
        Consent = new Consent { Matching = true, ShareWithProviders = true, FairnessAudit = true },
    };

    public static Provider Provider(ProviderKind kind = ProviderKind.Ondernemersladder, string name = "Bakkerij De Eng") =>
        new() { Name = name, Kind = kind, MunicipalityCode = "GM0342" };

    public static Opportunity Placement(string providerId, int capacity = 1) => new()
    {
        ProviderId = providerId, Kind = OpportunityKind.WorkPlacement, Title = "Taalstage bakkerij", Occupation = "7512", Sector = "voeding",
        RequiredDutchLevel = CefrLevel.A2, Skills = { "deeg bereiden" }, Location = new GeoPoint { Latitude = 52.1800, Longitude = 5.3000 },
        MunicipalityCode = "GM0342", Capacity = capacity, CountsTowardsMap = true, LanguageSupport = true,
        Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
    };

    public static Opportunity Buddy(string providerId) => new()
    {
        ProviderId = providerId, Kind = OpportunityKind.LanguageBuddy, Title = "Taalmaatje gezocht", RequiredDutchLevel = CefrLevel.A0,
        Location = new GeoPoint { Latitude = 52.1650, Longitude = 5.2800 }, MunicipalityCode = "GM0342", Capacity = 1,
        Schedule = new Availability { HoursPerWeek = 2, DayParts = { DayPart.WednesdayAfternoon } },
        Buddy = new BuddyOffer { Languages = { "ar", "en" }, Interests = { "koken" }, Gender = Gender.Female },
    };
}
