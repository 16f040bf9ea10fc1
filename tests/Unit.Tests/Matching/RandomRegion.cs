using Newcomers.Contracts.V1;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>
/// Random newcomers and opportunities around a few towns, dense enough that many share grid cells,
/// from small vocabularies so that skills, languages and interests overlap (and their signatures
/// collide), with every kind, closed and ended places, buddy wishes, households and the whole range of each field.
/// </summary>
public sealed class RandomRegion(int seed)
{
    private static readonly (double Latitude, double Longitude)[] Towns = [(52.173, 5.291), (52.212, 5.288), (52.091, 5.122)];
    private static readonly DayPart[] Parts = [DayPart.MondayMorning, DayPart.MondayAfternoon, DayPart.TuesdayMorning, DayPart.WednesdayEvening, DayPart.SaturdayMorning, DayPart.SundayEvening];
    private static readonly string[] Municipalities = ["GM0342", "GM0308", "GM0344"];
    private readonly Random random = new(seed);

    public Opportunity Opportunity(int i)
    {
        var kind = Pick([OpportunityKind.WorkPlacement, OpportunityKind.WorkPlacement, OpportunityKind.Volunteering, OpportunityKind.LanguageBuddy]);
        var o = new Opportunity
        {
            Id = $"o{i}", Version = 1, ProviderId = "p", Kind = kind, Title = $"o{i}", Occupation = Occupation(),
            RequiredDutchLevel = (CefrLevel)random.Next(1, 7), Location = Place(), MunicipalityCode = Pick(Municipalities),
            Capacity = random.Next(1, 4), Status = random.Next(20) == 0 ? OpportunityStatus.Closed : OpportunityStatus.Open,
            Schedule = new Availability { HoursPerWeek = Pick([0, 4, 8, 16, 24, 32, 40]) }, LanguageSupport = random.Next(3) == 0,
            CountsTowardsMap = random.Next(2) == 0,
        };
        o.Schedule.DayParts.Add(Some(Parts, 0, 4));
        o.Skills.Add(Some(Skills, 0, 5));
        if (random.Next(15) == 0) o.EndDate = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 };
        if (kind == OpportunityKind.LanguageBuddy)
        {
            o.Buddy = new BuddyOffer
            {
                Gender = Pick([Gender.Unspecified, Gender.Female, Gender.Male]), FamilyBuddy = random.Next(3) == 0, SharedLanguageOnly = random.Next(6) == 0,
                Languages = { Some(Languages, 0, 3) }, Interests = { Some(Interests, 0, 4) },
            };
            o.Buddy.FamiliesOnly = o.Buddy.FamilyBuddy && random.Next(4) == 0;
        }
        else o.UsefulLanguages.Add(Some(Languages, 0, 2));
        return o;
    }

    public Newcomer Newcomer(int i)
    {
        var n = new Newcomer
        {
            Id = $"n{i}", Version = 1, MunicipalityCode = Pick(Municipalities), CaseworkerId = "km", DisplayName = "Test", Home = Place(),
            DutchLevel = (CefrLevel)random.Next(1, 7), Leerroute = random.Next(5) == 0 ? Leerroute.Onderwijs : Leerroute.B1,
            Availability = new Availability { HoursPerWeek = Pick([0, 8, 16, 24, 32]) }, MaxTravelKm = Pick([2, 5, 10, 15, 25]),
            TravelModes = { TravelMode.Bicycle }, Consent = new Consent { Matching = true }, Status = NewcomerStatus.Active,
            MapHoursDone = Pick([0.0, 10, 39, 40, 60]),
        };
        n.PipGoals.Add(Some([PipGoal.Work, PipGoal.Volunteering, PipGoal.Buddy, PipGoal.Education], 0, 3));
        n.Occupations.Add(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Occupation()));
        n.Skills.Add(Some(Skills, 0, 7));
        n.Languages.Add(Some(Languages, 0, 3).Select(l => new LanguageSkill { Language = l, Level = CefrLevel.B1 }));
        n.Availability.DayParts.Add(Some(Parts, 0, 5));
        if (random.Next(2) == 0)
            n.BuddyPreferences = new BuddyPreferences { BuddyGender = Pick([Gender.Unspecified, Gender.Female]), FamilyBuddy = random.Next(3) == 0, Interests = { Some(Interests, 0, 3) } };
        // Households of one to three neighbours in the order drawn, so that a family buddy's places left count.
        if (random.Next(3) == 0) n.HouseholdId = $"h{i / 3}";
        return n;
    }

    public T Pick<T>(T[] values) => values[random.Next(values.Length)];

    public int Next(int max) => random.Next(max);

    private static readonly string[] Skills = [.. Enumerable.Range(0, 150).Select(i => $"skill{i}")];
    private static readonly string[] Languages = ["ar", "ti", "uk", "en", "fa", "so", "tr", "pl"];
    private static readonly string[] Interests = [.. Enumerable.Range(0, 12).Select(i => $"interest{i}")];

    // Codes close enough to share groups often; now and then none at all.
    private string Occupation() => random.Next(10) == 0 ? "" : $"{random.Next(1, 4)}{random.Next(1, 4)}{random.Next(0, 3)}{random.Next(0, 3)}";

    private GeoPoint Place()
    {
        var (latitude, longitude) = Pick(Towns);
        return new GeoPoint { Latitude = latitude + (random.NextDouble() - 0.5) * 0.12, Longitude = longitude + (random.NextDouble() - 0.5) * 0.18 };
    }

    private T[] Some<T>(T[] values, int least, int most) => [.. values.OrderBy(_ => random.Next()).Take(random.Next(least, most + 1))];
}
