namespace Newcomers.Matching.Domain;

/// <summary>The one place where a pair becomes <see cref="FitFeatures"/>.</summary>
public static class FeatureExtractor
{
    public const double MapHoursRequired = BuildingBlocks.Domain.MapHours.Required;

    /// <summary>
    /// Features computed from a grid cell alone, with each set overlap (skills, languages,
    /// interests) at the most its signatures allow: the score of these bounds the pair's real
    /// score from above, so a pair whose bound cannot enter the top list need not be extracted.
    /// </summary>
    public static FitFeatures Optimistic(NewcomerEntry n, in OpportunitySpot o, double distanceKm)
    {
        // Disjoint signatures mean no shared id; otherwise assume the most the two sets allow.
        var skills = (n.SkillSignature & o.Skills) == 0 ? 0 : Math.Min(n.Skills.Length, o.SkillCount);
        return new FitFeatures(
            DistanceKm: distanceKm,
            DistanceShare: Math.Clamp(distanceKm / n.MaxKm, 0, 1),
            DutchGap: n.Dutch - o.RequiredDutch,
            LanguageSupport: o.LanguageSupport,
            SharedLanguages: (n.LanguageSignature & o.Languages) == 0 ? 0 : n.Languages.Length,
            OccupationLevel: Isco.Level(n.Occupations, o.Occupation),
            SkillOverlap: skills,
            SkillShare: o.SkillCount == 0 ? 0 : (double)skills / o.SkillCount,
            ScheduleShare: ScheduleShare(n.WeekMask, o.WeekMask),
            HoursShare: HoursShare(n.Hours, o.Hours),
            GoalFit: n.GoalFitByKind[(int)o.Kind],
            InterestOverlap: (n.InterestSignature & o.Interests) == 0 ? 0 : n.Interests.Length,
            FamilyBuddyFit: n.FamilyBuddy && o.FamilyBuddy,
            MapNeed: MapNeed(n, o.CountsTowardsMap),
            PlacesLeft: 0,
            DaysUntilStart: 0,
            Kind: o.Kind,
            NewcomerDutch: n.Dutch,
            RequiredDutch: o.RequiredDutch,
            HoursDifference: n.Hours - o.Hours,
            MajorGroup: o.Occupation / 1000,
            // At the most every common skill the newcomer has (the bound's heuristic does not weigh these).
            SharedCommonSkills: n.CommonSkills);
    }

    /// <summary>
    /// <see cref="Optimistic(NewcomerEntry, in OpportunitySpot, double)"/> for <paramref name="changed"/>, from
    /// <paramref name="bound"/>, the same spot's bound for a newcomer who differs from it at most in Dutch level,
    /// reach, week or hours: only the fits those feed are worked out again, the rest are the same.
    /// </summary>
    public static FitFeatures Optimistic(in FitFeatures bound, NewcomerEntry changed, in OpportunitySpot o) => bound with
    {
        DistanceShare = Math.Clamp(bound.DistanceKm / changed.MaxKm, 0, 1),
        DutchGap = changed.Dutch - o.RequiredDutch,
        NewcomerDutch = changed.Dutch,
        ScheduleShare = ScheduleShare(changed.WeekMask, o.WeekMask),
        HoursShare = HoursShare(changed.Hours, o.Hours),
        HoursDifference = changed.Hours - o.Hours,
    };

    /// <summary>
    /// Features at least as good, one by one, as <see cref="Optimistic(NewcomerEntry, in OpportunitySpot, double)"/>
    /// gives any spot of the block at a distance of at least <paramref name="distanceKm"/>: the
    /// heuristic's score only grows with each of them, so the score of these bounds every such
    /// spot's bound from above.
    /// </summary>
    public static FitFeatures Optimistic(NewcomerEntry n, in SpotBlock b, double distanceKm)
    {
        var skillsMet = (n.SkillSignature & b.Skills) != 0;
        var partsMet = Week.Count(n.WeekMask & b.WeekMask);
        return new FitFeatures(
            DistanceKm: distanceKm,
            DistanceShare: Math.Clamp(distanceKm / n.MaxKm, 0, 1),
            DutchGap: n.Dutch - b.MinRequiredDutch,
            LanguageSupport: b.LanguageSupport,
            SharedLanguages: (n.LanguageSignature & b.Languages) == 0 ? 0 : n.Languages.Length,
            OccupationLevel: b.BestOccupationLevel(n.Occupations),
            SkillOverlap: skillsMet ? n.Skills.Length : 0,
            // A spot's share is its overlap (at most the newcomer's skills) over its own skills, and at most 1.
            SkillShare: !skillsMet ? 0 : n.Skills.Length >= b.MinSkillCount ? 1 : (double)n.Skills.Length / b.MinSkillCount,
            // The parts in common are at most those the block's union has with the newcomer's, over at least its fewest parts.
            ScheduleShare: partsMet == 0 ? 0 : partsMet >= b.MinWeekParts ? 1 : (double)partsMet / b.MinWeekParts,
            HoursShare: b.MinHours <= 0 ? 1 : Math.Min(1, (double)Math.Max(0, n.Hours) / b.MinHours),
            GoalFit: n.GoalFitByKind[(int)b.Kind],
            InterestOverlap: (n.InterestSignature & b.Interests) == 0 ? 0 : n.Interests.Length,
            FamilyBuddyFit: n.FamilyBuddy && b.FamilyBuddy,
            MapNeed: MapNeed(n, b.CountsTowardsMap),
            PlacesLeft: 0,
            DaysUntilStart: 0,
            Kind: b.Kind,
            NewcomerDutch: n.Dutch,
            RequiredDutch: b.MinRequiredDutch,
            HoursDifference: 0,
            MajorGroup: 0,
            SharedCommonSkills: n.CommonSkills);
    }

    public static FitFeatures Extract(NewcomerEntry n, OpportunityEntry o, double distanceKm, DateOnly today)
    {
        var overlap = Vocabulary.Overlap(n.Skills, o.Skills);
        return new FitFeatures(
            DistanceKm: distanceKm,
            DistanceShare: Math.Clamp(distanceKm / n.MaxKm, 0, 1),
            DutchGap: n.Dutch - o.RequiredDutch,
            LanguageSupport: o.LanguageSupport,
            SharedLanguages: Vocabulary.Overlap(n.Languages, o.Languages),
            OccupationLevel: Isco.Level(n.Occupations, o.Occupation),
            SkillOverlap: overlap,
            SkillShare: o.Skills.Length == 0 ? 0 : (double)overlap / o.Skills.Length,
            ScheduleShare: ScheduleShare(n.WeekMask, o.WeekMask),
            HoursShare: HoursShare(n.Hours, o.Hours),
            GoalFit: n.GoalFitByKind[(int)o.Kind],
            InterestOverlap: Vocabulary.Overlap(n.Interests, o.Interests),
            FamilyBuddyFit: n.FamilyBuddy && o.FamilyBuddy,
            MapNeed: MapNeed(n, o.CountsTowardsMap),
            PlacesLeft: o.PlacesLeft,
            DaysUntilStart: o.Start is { } start ? Math.Clamp(start.DayNumber - today.DayNumber, 0, 365) : 0,
            Kind: o.Kind,
            NewcomerDutch: n.Dutch,
            RequiredDutch: o.RequiredDutch,
            HoursDifference: n.Hours - o.Hours,
            MajorGroup: o.Occupation / 1000,
            SharedCommonSkills: n.CommonSkills & o.CommonSkills);
    }

    private static double ScheduleShare(uint newcomerWeek, uint opportunityWeek)
    {
        var parts = Week.Count(opportunityWeek);
        return parts == 0 ? 0 : (double)Week.Count(newcomerWeek & opportunityWeek) / parts;
    }

    private static double HoursShare(int newcomerHours, int opportunityHours) =>
        opportunityHours <= 0 ? 1 : Math.Min(1, (double)newcomerHours / opportunityHours);

    /// <summary>What is left of the MAP hours; none for a newcomer on the onderwijsroute, which is exempt from the MAP.</summary>
    private static double MapNeed(NewcomerEntry n, bool countsTowardsMap) =>
        countsTowardsMap && !n.MapExempt && n.MapHoursDone < MapHoursRequired ? (MapHoursRequired - n.MapHoursDone) / MapHoursRequired : 0;
}
