using Newcomers.BuildingBlocks.Csv;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Csv;

/// <summary>The words of the newcomer CSV for its own enums (docs/api.md#csv); levels and day parts are in <see cref="CommonTokens"/>.</summary>
public static class NewcomerTokens
{
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

    public static readonly CsvTokens<NewcomerStatus> Status = new(new Dictionary<NewcomerStatus, string>
    {
        [NewcomerStatus.Active] = "actief", [NewcomerStatus.Paused] = "gepauzeerd", [NewcomerStatus.Closed] = "afgesloten",
    });
}
