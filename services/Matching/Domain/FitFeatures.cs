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
            OccupationLevel: Isco.Level(n.Occupations, o.Occupation),
            SkillOverlap: overlap,
            SkillShare: o.Skills.Length == 0 ? 0 : (double)overlap / o.Skills.Length,
            ScheduleShare: scheduleParts == 0 ? 0 : (double)Week.Count(n.WeekMask & o.WeekMask) / scheduleParts,
            HoursShare: o.Hours <= 0 ? 1 : Math.Min(1, (double)n.Hours / o.Hours),
            GoalFit: n.GoalFitByKind[(int)o.Kind],
            InterestOverlap: Vocabulary.Overlap(n.Interests, o.Interests),
            FamilyBuddyFit: n.FamilyBuddy && o.FamilyBuddy,
            MapNeed: o.CountsTowardsMap && n.MapHoursDone < MapHoursRequired ? (MapHoursRequired - n.MapHoursDone) / MapHoursRequired : 0,
            PlacesLeft: o.PlacesLeft,
            DaysUntilStart: o.Start is { } start ? Math.Clamp(start.DayNumber - today.DayNumber, 0, 365) : 0,
            Kind: o.Kind);
    }

}

/// <summary>How well each kind of opportunity serves the goals of a PIP (0 to 1), by kind.</summary>
public static class Goals
{
    public static double[] FitByKind(IEnumerable<PipGoal> goals)
    {
        var list = goals.ToList();
        return [0, Fit(list, OpportunityKind.WorkPlacement), Fit(list, OpportunityKind.Volunteering), Fit(list, OpportunityKind.LanguageBuddy)];
    }

    private static double Fit(List<PipGoal> goals, OpportunityKind kind)
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
