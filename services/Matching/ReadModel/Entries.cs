using Newcomers.Matching.Domain;
using System.Numerics;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.ReadModel;

/// <summary>Something with a place on the map, kept in a <see cref="SpatialGrid{T}"/>.</summary>
public interface ILocated
{
    string Id { get; }
    double Latitude { get; }
    double Longitude { get; }
}

/// <summary>Places taken at an opportunity (accepted plus started matches), shared by every version of its entry.</summary>
public sealed class PlaceCounter
{
    private int taken;
    public int Taken => Volatile.Read(ref taken);
    public void Add(int delta) => Interlocked.Add(ref taken, delta);
}

/// <summary>An opportunity as matching needs it: immutable, labels interned, the week as a bit mask.</summary>
public sealed record OpportunityEntry(
    string Id, long Version, OpportunityKind Kind, string Title, string ProviderId, string MunicipalityCode, double Latitude, double Longitude,
    int RequiredDutch, uint WeekMask, int Hours, int Occupation, int[] Skills, int[] Languages, int[] Interests,
    bool LanguageSupport, bool CountsTowardsMap, int Capacity, bool Open, DateOnly? End, DateOnly? Start, Gender BuddyGender,
    bool FamilyBuddy, PlaceCounter Places) : ILocated
{
    public int PlacesLeft => Capacity - Places.Taken;

    /// <summary>Open with a place left; such entries are in the spatial grid.</summary>
    public bool TakesNewcomers => Eligibility.TakesNewcomers(this);

    public bool TakesNewcomersOn(DateOnly day) => Eligibility.TakesNewcomersOn(this, day);

    public static OpportunityEntry From(Opportunity o, Vocabulary vocabulary, PlaceCounter places) => new(
        o.Id, o.Version, o.Kind, o.Title, o.ProviderId, o.MunicipalityCode, o.Location.Latitude, o.Location.Longitude,
        Cefr.Step(o.RequiredDutchLevel), Week.Mask(o.Schedule.DayParts), o.Schedule.HoursPerWeek, Isco.Code(o.Occupation),
        vocabulary.Intern(o.Skills), vocabulary.Intern(o.Kind == OpportunityKind.LanguageBuddy && o.Buddy is not null ? o.Buddy.Languages : o.UsefulLanguages),
        vocabulary.Intern(o.Buddy?.Interests ?? []), o.LanguageSupport, o.CountsTowardsMap, o.Capacity,
        o.Status != OpportunityStatus.Closed, Dates.EndOf(o), Dates.TryToDateOnly(o.StartDate, out var start) ? start : null,
        o.Buddy?.Gender ?? Gender.Unspecified, o.Buddy?.FamilyBuddy ?? false, places);
}

/// <summary>
/// What candidate generation reads of an opportunity, inline in a grid cell: filtering and the
/// score bound need no other memory. Only survivors follow <see cref="Entry"/>.
/// </summary>
public readonly struct OpportunitySpot(OpportunityEntry entry) : ILocated
{
    public double Latitude { get; } = entry.Latitude;
    public double Longitude { get; } = entry.Longitude;
    public int RequiredDutch { get; } = entry.RequiredDutch;
    public uint WeekMask { get; } = entry.WeekMask;
    public int Hours { get; } = entry.Hours;
    public int EndDay { get; } = entry.End?.DayNumber ?? int.MaxValue;
    public int Occupation { get; } = entry.Occupation;
    public int SkillCount { get; } = entry.Skills.Length;
    public ulong Skills { get; } = Vocabulary.Signature(entry.Skills);
    public ulong Languages { get; } = Vocabulary.Signature(entry.Languages);
    public ulong Interests { get; } = Vocabulary.Signature(entry.Interests);
    public bool LanguageSupport { get; } = entry.LanguageSupport;
    public bool CountsTowardsMap { get; } = entry.CountsTowardsMap;
    public bool FamilyBuddy { get; } = entry.FamilyBuddy;
    public OpportunityKind Kind { get; } = entry.Kind;
    public OpportunityEntry Entry { get; } = entry;
    public string Id => Entry.Id;
}

/// <summary>A newcomer as matching needs it. Holds no protected attribute and no name.</summary>
public sealed record NewcomerEntry(
    string Id, long Version, string MunicipalityCode, double Latitude, double Longitude, double MaxKm, int Dutch,
    uint WeekMask, int Hours, int[] Occupations, int[] Skills, int[] Languages, int[] Interests, double[] GoalFitByKind,
    Gender BuddyGender, bool FamilyBuddy, double MapHoursDone, bool Matchable, bool SharesWithProviders) : ILocated
{
    public ulong SkillSignature { get; } = Vocabulary.Signature(Skills);
    public ulong LanguageSignature { get; } = Vocabulary.Signature(Languages);
    public ulong InterestSignature { get; } = Vocabulary.Signature(Interests);

    public static NewcomerEntry From(Newcomer n, Vocabulary vocabulary) => new(
        n.Id, n.Version, n.MunicipalityCode, n.Home.Latitude, n.Home.Longitude, n.MaxTravelKm, Cefr.Step(n.DutchLevel),
        Week.Mask(n.Availability.DayParts), n.Availability.HoursPerWeek, [.. n.Occupations.Select(Isco.Code)], vocabulary.Intern(n.Skills),
        vocabulary.Intern(n.Languages.Select(l => l.Language)), vocabulary.Intern(n.BuddyPreferences?.Interests ?? []),
        Goals.FitByKind(n.PipGoals), n.BuddyPreferences?.BuddyGender ?? Gender.Unspecified, n.BuddyPreferences?.FamilyBuddy ?? false,
        n.MapHoursDone, Eligibility.Consents(n),
        n.Consent?.ShareWithProviders == true);
}

/// <summary>CEFR levels as steps: A0 = 0 up to C2 = 6.</summary>
public static class Cefr
{
    private static readonly string[] Names = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"];
    public static int Step(CefrLevel level) => Math.Max(0, (int)level - 1);
    public static string Name(int step) => Names[Math.Clamp(step, 0, Names.Length - 1)];
}

/// <summary>Parts of the week as bits: bit (day part - 1).</summary>
public static class Week
{
    public static uint Mask(IEnumerable<DayPart> parts) => parts.Aggregate(0u, (mask, part) => mask | 1u << ((int)part - 1));
    public static int Count(uint mask) => BitOperations.PopCount(mask);
}

/// <summary>ISCO-08 unit group codes as numbers (0 when absent), so groups compare by division.</summary>
public static class Isco
{
    public static int Code(string code) => int.TryParse(code, out var value) && code.Length == 4 ? value : 0;

    /// <summary>4 same unit group, 3 same minor group, 2 same sub-major, 1 same major group, 0 none.</summary>
    public static int Level(int[] held, int wanted)
    {
        if (wanted == 0) return 0;
        var best = 0;
        foreach (var code in held)
        {
            var level = code == wanted ? 4 : code / 10 == wanted / 10 ? 3 : code / 100 == wanted / 100 ? 2 : code / 1000 == wanted / 1000 ? 1 : 0;
            if (level > best) best = level;
        }
        return best;
    }
}
