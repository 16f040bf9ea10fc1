using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>The words every CSV file of the services uses for the enums they share: language levels, genders and day parts.</summary>
public static class CommonTokens
{
    public static readonly CsvTokens<CefrLevel> Level = new(new Dictionary<CefrLevel, string>
    {
        [CefrLevel.A0] = "A0", [CefrLevel.A1] = "A1", [CefrLevel.A2] = "A2", [CefrLevel.B1] = "B1",
        [CefrLevel.B2] = "B2", [CefrLevel.C1] = "C1", [CefrLevel.C2] = "C2",
    });

    public static readonly CsvTokens<Gender> Gender = new(new Dictionary<Gender, string>
    {
        [Contracts.V1.Gender.Female] = "vrouw", [Contracts.V1.Gender.Male] = "man", [Contracts.V1.Gender.Other] = "anders",
    });

    /// <summary>Day parts as "ma-ochtend" … "zo-avond": DAY_PART_MONDAY_MORNING is 1, and each day has three parts.</summary>
    public static readonly CsvTokens<DayPart> DayPart = new(
        (from day in Enumerable.Range(0, 7)
         from part in Enumerable.Range(0, 3)
         select (Value: (DayPart)(1 + day * 3 + part), Word: $"{Days[day]}-{Parts[part]}")).ToDictionary(x => x.Value, x => x.Word));

    private static string[] Days => ["ma", "di", "wo", "do", "vr", "za", "zo"];

    private static string[] Parts => ["ochtend", "middag", "avond"];
}
