using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Domain;

/// <summary>
/// How one newcomer and one opportunity fit, as numbers. Built by <see cref="FeatureExtractor"/>
/// only, for ranking and for reasons alike. Nothing here describes who the newcomer is (no
/// nationality, origin, mother tongue, religion, gender or age): only the fit of the pair.
/// </summary>
public readonly record struct FitFeatures(
    double DistanceKm,
    double DistanceShare,
    int DutchGap,
    bool LanguageSupport,
    int SharedLanguages,
    int OccupationLevel,
    int SkillOverlap,
    double SkillShare,
    double ScheduleShare,
    double HoursShare,
    double GoalFit,
    int InterestOverlap,
    bool FamilyBuddyFit,
    double MapNeed,
    int PlacesLeft,
    int DaysUntilStart,
    OpportunityKind Kind);

/// <summary>The one place where a pair becomes <see cref="FitFeatures"/>.</summary>
public static class FeatureExtractor
{
    public const double MapHoursRequired = 40;

    public static FitFeatures Extract(NewcomerEntry n, OpportunityEntry o, double distanceKm, DateOnly today)
    {
        var overlap = Vocabulary.Overlap(n.Skills, o.Skills);
        var scheduleParts = Week.Count(o.WeekMask);
        return new FitFeatures(
            DistanceKm: distanceKm,
            DistanceShare: Math.Clamp(distanceKm / n.MaxKm, 0, 1),
            DutchGap: n.Dutch - o.RequiredDutch,
            LanguageSupport: o.LanguageSupport,
            SharedLanguages: Vocabulary.Overlap(n.Languages, o.Languages),
            OccupationLevel: OccupationLevel(n.Occupations, o.Occupation),
            SkillOverlap: overlap,
            SkillShare: o.Skills.Length == 0 ? 0 : (double)overlap / o.Skills.Length,
            ScheduleShare: scheduleParts == 0 ? 0 : (double)Week.Count(n.WeekMask & o.WeekMask) / scheduleParts,
            HoursShare: o.Hours <= 0 ? 1 : Math.Min(1, (double)n.Hours / o.Hours),
            GoalFit: GoalFit(n.Goals, o.Kind),
            InterestOverlap: Vocabulary.Overlap(n.Interests, o.Interests),
            FamilyBuddyFit: n.FamilyBuddy && o.FamilyBuddy,
            MapNeed: o.CountsTowardsMap && n.MapHoursDone < MapHoursRequired ? (MapHoursRequired - n.MapHoursDone) / MapHoursRequired : 0,
            PlacesLeft: o.PlacesLeft,
            DaysUntilStart: o.Start is { } start ? Math.Clamp(start.DayNumber - today.DayNumber, 0, 365) : 0,
            Kind: o.Kind);
    }

    /// <summary>4 same ISCO-08 unit group, 3 same minor group, 2 same sub-major, 1 same major, 0 none.</summary>
    public static int OccupationLevel(string[] held, string wanted)
    {
        if (wanted.Length != 4) return 0;
        var best = 0;
        foreach (var code in held)
        {
            var shared = 0;
            while (shared < 4 && shared < code.Length && code[shared] == wanted[shared]) shared++;
            best = Math.Max(best, shared);
        }
        return best;
    }

    private static double GoalFit(PipGoal[] goals, OpportunityKind kind)
    {
        var fit = 0.0;
        foreach (var goal in goals)
            fit = Math.Max(fit, (goal, kind) switch
            {
                (PipGoal.Work, OpportunityKind.WorkPlacement) => 1,
                (PipGoal.Volunteering, OpportunityKind.Volunteering) => 1,
                (PipGoal.Buddy, OpportunityKind.LanguageBuddy) => 1,
                (PipGoal.Entrepreneurship, OpportunityKind.WorkPlacement) => 0.6,
                (PipGoal.Work, OpportunityKind.Volunteering) => 0.4,
                (PipGoal.Education, OpportunityKind.LanguageBuddy) => 0.4,
                _ => 0,
            });
        return fit;
    }
}
