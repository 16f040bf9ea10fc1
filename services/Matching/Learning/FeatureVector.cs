using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// <see cref="FitFeatures"/> as the model's input: the same numbers, in a fixed order with names,
/// for training and serving alike. Nothing else goes in.
/// </summary>
public static class FeatureVector
{
    public static readonly string[] Names =
    [
        "distance_km", "distance_share", "dutch_gap", "language_support", "shared_languages", "occupation_level",
        "skill_overlap", "skill_share", "schedule_share", "hours_share", "goal_fit", "interest_overlap",
        "family_buddy_fit", "map_need", "places_left", "days_until_start", "kind_work", "kind_volunteering", "kind_buddy",
    ];

    public const int Length = 19;

    public static float[] From(in FitFeatures f) =>
    [
        (float)f.DistanceKm, (float)f.DistanceShare, f.DutchGap, f.LanguageSupport ? 1 : 0, f.SharedLanguages, f.OccupationLevel,
        f.SkillOverlap, (float)f.SkillShare, (float)f.ScheduleShare, (float)f.HoursShare, (float)f.GoalFit, f.InterestOverlap,
        f.FamilyBuddyFit ? 1 : 0, (float)f.MapNeed, f.PlacesLeft, f.DaysUntilStart,
        f.Kind == OpportunityKind.WorkPlacement ? 1 : 0, f.Kind == OpportunityKind.Volunteering ? 1 : 0, f.Kind == OpportunityKind.LanguageBuddy ? 1 : 0,
    ];
}
