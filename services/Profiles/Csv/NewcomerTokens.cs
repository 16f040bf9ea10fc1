using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Csv;

/// <summary>The words of the newcomer CSV for each enum (docs/api.md#csv).</summary>
public static class NewcomerTokens
{
    public static readonly CsvTokens<CefrLevel> Level = new(new Dictionary<CefrLevel, string>
    {
        [CefrLevel.A0] = "A0", [CefrLevel.A1] = "A1", [CefrLevel.A2] = "A2", [CefrLevel.B1] = "B1",
        [CefrLevel.B2] = "B2", [CefrLevel.C1] = "C1", [CefrLevel.C2] = "C2",
    });

    public static readonly CsvTokens<Leerroute> Leerroute = new(new Dictionary<Leerroute, string>
    {
        [Contracts.V1.Leerroute.B1] = "B1", [Contracts.V1.Leerroute.Onderwijs] = "onderwijs", [Contracts.V1.Leerroute.Z] = "Z",
    });

    public static readonly CsvTokens<PipGoal> PipGoal = new(new Dictionary<PipGoal, string>
    {
        [Contracts.V1.PipGoal.Work] = "werk", [Contracts.V1.PipGoal.Volunteering] = "vrijwilligerswerk", [Contracts.V1.PipGoal.Education] = "onderwijs",
        [Contracts.V1.PipGoal.Entrepreneurship] = "ondernemen", [Contracts.V1.PipGoal.Buddy] = "taalmaatje",
    });

    public static readonly CsvTokens<EducationLevel> Education = new(new Dictionary<EducationLevel, string>
    {
        [EducationLevel.None] = "geen", [EducationLevel.Primary] = "basisonderwijs", [EducationLevel.Secondary] = "voortgezet",
        [EducationLevel.Vocational] = "mbo", [EducationLevel.Bachelor] = "bachelor", [EducationLevel.MasterOrHigher] = "master",
    });

    public static readonly CsvTokens<TravelMode> Travel = new(new Dictionary<TravelMode, string>
    {
        [TravelMode.Walk] = "lopen", [TravelMode.Bicycle] = "fiets", [TravelMode.PublicTransport] = "ov", [TravelMode.Car] = "auto",
    });

    public static readonly CsvTokens<Gender> Gender = new(new Dictionary<Gender, string>
    {
        [Contracts.V1.Gender.Female] = "vrouw", [Contracts.V1.Gender.Male] = "man", [Contracts.V1.Gender.Other] = "anders",
    });

    public static readonly CsvTokens<NewcomerStatus> Status = new(new Dictionary<NewcomerStatus, string>
    {
        [NewcomerStatus.Active] = "actief", [NewcomerStatus.Paused] = "gepauzeerd", [NewcomerStatus.Closed] = "afgesloten",
    });

    /// <summary>Day parts as "ma-ochtend" … "zo-avond": DAY_PART_MONDAY_MORNING is 1, and each day has three parts.</summary>
    public static readonly CsvTokens<DayPart> DayPart = new(
        (from day in Enumerable.Range(0, 7)
         from part in Enumerable.Range(0, 3)
         select (Value: (DayPart)(1 + day * 3 + part), Word: $"{Days[day]}-{Parts[part]}")).ToDictionary(x => x.Value, x => x.Word));

    private static string[] Days => ["ma", "di", "wo", "do", "vr", "za", "zo"];

    private static string[] Parts => ["ochtend", "middag", "avond"];
}
