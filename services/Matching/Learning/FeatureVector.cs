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
        // Feature set 2: the levels themselves, the hours with their sign, the opportunity's ISCO-08 major group, and the
        // newcomer's common skills the opportunity asks for. Appended, so a model of set 1 reads its own features unchanged.
        "newcomer_dutch", "required_dutch", "hours_difference",
        .. Enumerable.Range(1, 9).Select(g => $"isco_major_{g}"),
        .. CommonSkills.Names.Select(s => "skill_" + s.Replace(' ', '_')),
    ];

    public const int Length = 47;

    /// <summary>The feature set an impression was stored with: 1 had the first 19 features, 2 has all.</summary>
    public const int Version = 2;

    public const int FirstSetLength = 19;

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
        into[19] = f.NewcomerDutch;
        into[20] = f.RequiredDutch;
        into[21] = f.HoursDifference;
        for (var g = 1; g <= 9; g++) into[21 + g] = f.MajorGroup == g ? 1 : 0;
        for (var s = 0; s < CommonSkills.Names.Length; s++) into[31 + s] = (f.SharedCommonSkills >> s & 1) == 1 ? 1 : 0;
    }

    /// <summary>The features each reason speaks for (every feature belongs to one); a reason's contribution is what its features add together.</summary>
    public static readonly (ReasonKind Kind, int[] Features)[] Reasons =
    [
        (ReasonKind.Distance, [0, 1]), (ReasonKind.DutchLevel, [2, 3, 19, 20]), (ReasonKind.SharedLanguage, [4]), (ReasonKind.Occupation, [5, .. Enumerable.Range(22, 9)]),
        (ReasonKind.Skills, [6, 7, .. Enumerable.Range(31, 16)]), (ReasonKind.Availability, [8, 9, 21]), (ReasonKind.PipGoal, [10, 16, 17, 18]), (ReasonKind.Interests, [11, 12]),
        (ReasonKind.MapHours, [13]), (ReasonKind.PlacesLeft, [14]), (ReasonKind.Timing, [15]),
    ];
}
