using System.Runtime.CompilerServices;

namespace Newcomers.Matching.Domain;

/// <summary>The one place where a pair becomes <see cref="FitFeatures"/>.</summary>
public static partial class FeatureExtractor
{
    public const double MapHoursRequired = BuildingBlocks.Domain.MapHours.Required;

    /// <summary>
    /// Features computed from a grid cell alone, with each set overlap (skills, languages,
    /// interests) at the most its signatures allow: the score of these bounds the pair's real
    /// score from above, so a pair whose bound cannot enter the top list need not be extracted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FitFeatures Optimistic(NewcomerEntry n, in OpportunitySpot o, double distanceKm)
    {
        // Disjoint signatures mean no shared id; otherwise assume the most the two sets allow.
        var skills = OptimisticSkills(n, o);
        return new FitFeatures(
            DistanceKm: distanceKm,
            DistanceShare: Math.Clamp(distanceKm / n.MaxKm, 0, 1),
            DutchGap: n.Dutch - o.RequiredDutch,
            LanguageSupport: o.LanguageSupport,
            SharedLanguages: (n.LanguageSignature & o.Languages) == 0 ? 0 : n.Languages.Length,
            OccupationLevel: Isco.Level(n.Occupations, o.Occupation),
            SkillOverlap: skills,
            SkillShare: OptimisticSkillShare(n, o),
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

    private static int OptimisticSkills(NewcomerEntry n, in OpportunitySpot o) =>
        (n.SkillSignature & o.Skills) == 0 ? 0 : Math.Min(n.Skills.Length, o.SkillCount);

    private static double OptimisticSkillShare(NewcomerEntry n, in OpportunitySpot o) => SkillShare(OptimisticSkills(n, o), o.SkillCount);

    private static double SkillShare(int shared, int asked) => asked == 0 ? 0 : (double)shared / asked;

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
            SkillShare: skillsMet ? ShareAtMost(n.Skills.Length, b.MinSkillCount) : 0,
            // The parts in common are at most those the block's union has with the newcomer's, over at least its fewest parts.
            ScheduleShare: ShareAtMost(partsMet, b.MinWeekParts),
            HoursShare: HoursShareAtMost(n.Hours, b),
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

    public static FitFeatures Extract(NewcomerEntry n, OpportunityEntry o, double distanceKm, DateOnly today) =>
        Extract(n, o, distanceKm, today, Vocabulary.Overlap(n.Skills, o.Skills), Vocabulary.Overlap(n.Languages, o.Languages), Vocabulary.Overlap(n.Interests, o.Interests));

    /// <summary>
    /// <see cref="Extract(NewcomerEntry, OpportunityEntry, double, DateOnly)"/> of a grid spot: a set whose signature shares
    /// no bit with the newcomer's shares no id, and its ids are not read.
    /// </summary>
    public static FitFeatures Extract(NewcomerEntry n, in OpportunitySpot o, double distanceKm, DateOnly today) => Extract(n, o.Entry, distanceKm, today,
        (n.SkillSignature & o.Skills) == 0 ? 0 : Vocabulary.Overlap(n.Skills, o.Entry.Skills),
        (n.LanguageSignature & o.Languages) == 0 ? 0 : Vocabulary.Overlap(n.Languages, o.Entry.Languages),
        (n.InterestSignature & o.Interests) == 0 ? 0 : Vocabulary.Overlap(n.Interests, o.Entry.Interests));

    private static FitFeatures Extract(NewcomerEntry n, OpportunityEntry o, double distanceKm, DateOnly today, int overlap, int languages, int interests)
    {
        return new FitFeatures(
            DistanceKm: distanceKm,
            DistanceShare: Math.Clamp(distanceKm / n.MaxKm, 0, 1),
            DutchGap: n.Dutch - o.RequiredDutch,
            LanguageSupport: o.LanguageSupport,
            SharedLanguages: languages,
            OccupationLevel: Isco.Level(n.Occupations, o.Occupation),
            SkillOverlap: overlap,
            SkillShare: SkillShare(overlap, o.Skills.Length),
            ScheduleShare: ScheduleShare(n.WeekMask, o.WeekMask),
            HoursShare: HoursShare(n.Hours, o.Hours),
            GoalFit: n.GoalFitByKind[(int)o.Kind],
            InterestOverlap: interests,
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

    /// <summary>A share of a block's spots: at most this many in common, over at least the fewest a spot asks.</summary>
    private static double ShareAtMost(int common, int fewest) => common <= 0 ? 0 : common >= fewest ? 1 : (double)common / fewest;

    private static double HoursShareAtMost(int hours, in SpotBlock b) => b.MinHours <= 0 ? 1 : Math.Min(1, (double)Math.Max(0, hours) / b.MinHours);

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
