using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The single changes the PIP guidance tries for a newcomer: Dutch one and two CEFR steps up, a
/// travel distance <see cref="ExtraKm"/> further (at most <see cref="MostKm"/>), every part of the
/// week the newcomer is not available on, <see cref="ExtraHours"/> more hours a week (at most
/// <see cref="MostHours"/>), and the skills nearby opportunities ask for most (<see cref="Skills"/>).
/// </summary>
public static class ProfileChanges
{
    public static readonly double[] ExtraKm = [5, 10];
    public static readonly int[] ExtraHours = [4, 8];
    public const int DutchSteps = 2;
    public const double MostKm = 100;
    public const int MostHours = 60;
    public const int MostSkills = 5;
    private const int HighestDutch = 6;
    private const int DayParts = 21;

    /// <summary>Every change but the skills, which depend on the opportunities nearby.</summary>
    public static List<ProfileChange> Tried(NewcomerEntry n)
    {
        var changes = new List<ProfileChange>();
        for (var step = n.Dutch + 1; step <= Math.Min(HighestDutch, n.Dutch + DutchSteps); step++)
            changes.Add(new ProfileChange(PipChangeKind.DutchLevel, step, n with { Dutch = step }));
        foreach (var km in ExtraKm.Select(extra => Math.Min(MostKm, n.MaxKm + extra)).Where(km => km > n.MaxKm).Distinct())
            changes.Add(new ProfileChange(PipChangeKind.TravelDistance, km, n with { MaxKm = km }));
        for (var part = 1; part <= DayParts; part++)
            if ((n.WeekMask & 1u << (part - 1)) == 0)
                changes.Add(new ProfileChange(PipChangeKind.DayPart, part, n with { WeekMask = n.WeekMask | 1u << (part - 1) }));
        foreach (var hours in ExtraHours.Select(extra => Math.Min(MostHours, n.Hours + extra)).Where(h => h > n.Hours).Distinct())
            changes.Add(new ProfileChange(PipChangeKind.Hours, hours, n with { Hours = hours }));
        return changes;
    }

    /// <summary>The farthest reach among the changes, or the newcomer's own.</summary>
    public static double WidestKm(NewcomerEntry n, IEnumerable<ProfileChange> changes) =>
        changes.Where(c => c.Kind == PipChangeKind.TravelDistance).Select(c => c.Changed.MaxKm).DefaultIfEmpty(n.MaxKm).Max();

    /// <summary>
    /// The skills the newcomer lacks that the most opportunities ask for (<paramref name="asked"/>: how many ask for each,
    /// among those a change could make good), at most <see cref="MostSkills"/>, most asked first (then by label), as changes.
    /// </summary>
    public static IEnumerable<ProfileChange> Skills(NewcomerEntry n, IReadOnlyDictionary<int, int> asked, Vocabulary vocabulary) =>
        asked.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => vocabulary.Label(s.Key), StringComparer.Ordinal).Take(MostSkills)
            .Select(s => new ProfileChange(PipChangeKind.Skill, s.Key, n.WithSkill(s.Key, vocabulary.Label(s.Key)), vocabulary.Label(s.Key)));
}
