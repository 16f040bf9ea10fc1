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

    public static float[] From(in FitFeatures f)
    {
        var vector = new float[Length];
        Write(f, vector);
        return vector;
    }

    public static void Write(in FitFeatures f, Span<float> into)
    {
        into[0] = (float)f.DistanceKm;
        into[1] = (float)f.DistanceShare;
        into[2] = f.DutchGap;
        into[3] = f.LanguageSupport ? 1 : 0;
        into[4] = f.SharedLanguages;
        into[5] = f.OccupationLevel;
        into[6] = f.SkillOverlap;
        into[7] = (float)f.SkillShare;
        into[8] = (float)f.ScheduleShare;
        into[9] = (float)f.HoursShare;
        into[10] = (float)f.GoalFit;
        into[11] = f.InterestOverlap;
        into[12] = f.FamilyBuddyFit ? 1 : 0;
        into[13] = (float)f.MapNeed;
        into[14] = f.PlacesLeft;
        into[15] = f.DaysUntilStart;
        into[16] = f.Kind == OpportunityKind.WorkPlacement ? 1 : 0;
        into[17] = f.Kind == OpportunityKind.Volunteering ? 1 : 0;
        into[18] = f.Kind == OpportunityKind.LanguageBuddy ? 1 : 0;
    }

    /// <summary>The features each reason speaks for (every feature belongs to one); a reason's contribution is what its features add together.</summary>
    public static readonly (ReasonKind Kind, int[] Features)[] Reasons =
    [
        (ReasonKind.Distance, [0, 1]), (ReasonKind.DutchLevel, [2, 3]), (ReasonKind.SharedLanguage, [4]), (ReasonKind.Occupation, [5]),
        (ReasonKind.Skills, [6, 7]), (ReasonKind.Availability, [8, 9]), (ReasonKind.PipGoal, [10, 16, 17, 18]), (ReasonKind.Interests, [11, 12]),
        (ReasonKind.MapHours, [13]), (ReasonKind.PlacesLeft, [14]), (ReasonKind.Timing, [15]),
    ];
}
