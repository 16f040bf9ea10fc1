using Newcomers.Contracts.V1;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>A newcomer in Soest and opportunities around, to change one fact at a time.</summary>
public static class Sample
{
    public const double Latitude = 52.1730, Longitude = 5.2910;

    public static Newcomer Newcomer(Action<Newcomer> change) => Newcomer("n1", change);

    public static Newcomer Newcomer(string id = "n1", Action<Newcomer>? change = null)
    {
        var newcomer = new Newcomer
        {
            Id = id, Version = 1, MunicipalityCode = "GM0342", CaseworkerId = "km", DisplayName = "Test", Home = new GeoPoint { Latitude = Latitude, Longitude = Longitude },
            DutchLevel = CefrLevel.A2, Languages = { new LanguageSkill { Language = "ar", Level = CefrLevel.C2 } }, Leerroute = Leerroute.B1,
            PipGoals = { PipGoal.Work }, Occupations = { "7512" }, Skills = { "deeg", "hygiëne" },
            Availability = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
            MaxTravelKm = 10, TravelModes = { TravelMode.Bicycle }, Consent = new Consent { Matching = true }, Status = NewcomerStatus.Active,
        };
        change?.Invoke(newcomer);
        return newcomer;
    }

    /// <summary>An opportunity the given km north of the newcomer.</summary>
    public static Opportunity Opportunity(string id, double kmNorth = 1, Action<Opportunity>? change = null)
    {
        var opportunity = new Opportunity
        {
            Id = id, Version = 1, ProviderId = "p", Kind = OpportunityKind.WorkPlacement, Title = id, Occupation = "7512", RequiredDutchLevel = CefrLevel.A2,
            Skills = { "deeg", "hygiëne" }, Location = new GeoPoint { Latitude = Latitude + kmNorth / 110.574, Longitude = Longitude },
            MunicipalityCode = "GM0342", Capacity = 2, Status = OpportunityStatus.Open,
            Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning } },
        };
        change?.Invoke(opportunity);
        return opportunity;
    }
}
