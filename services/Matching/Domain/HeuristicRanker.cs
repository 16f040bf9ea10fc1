using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The explainable ranking used until a learned model is promoted: a weighted sum of fits, with
/// weights per kind that add up to one. Its contributions are the reasons. Its score is static too,
/// so candidate generation calls it per candidate without an interface call.
/// </summary>
public sealed class HeuristicRanker : IRanker
{
    public const string Name = "heuristic-v1";

    public static readonly HeuristicRanker Instance = new();

    private HeuristicRanker()
    {
    }

    string IRanker.Name => Name;

    string IRanker.Family => "heuristic";

    /// <summary>The final list is the shortlist itself.</summary>
    int IRanker.Shortlist(int limit, MatchingOptions options) => limit;

    double IRanker.Score(in FitFeatures features) => Score(features);

    /// <summary>Weights add up to one, so the score is shown as it is.</summary>
    double IRanker.DisplayScore(double score) => score;

    /// <summary>
    /// Seven tenths of the most a pair can score (the weights add up to one): in the dense benchmark
    /// region about the tenth best suggestion of the median newcomer (docs/ranking.md).
    /// </summary>
    public const double GoodScore = 0.7;

    double IRanker.GoodScore => GoodScore;

    /// <summary>The bound is a bound of this very score, so a pair under it cannot be good.</summary>
    double IRanker.GoodBound => GoodScore;

    IReadOnlyList<(ReasonKind Kind, double Contribution)> IRanker.Contributions(in FitFeatures features) => Contributions(features);

    // distance, dutch, occupation, skills, schedule, hours, goal, language, interests, family, map
    private static readonly double[][] Weights =
    [
        [],
        [0.20, 0.15, 0.20, 0.15, 0.10, 0.05, 0.10, 0.02, 0.00, 0.00, 0.03],
        [0.20, 0.10, 0.05, 0.10, 0.15, 0.05, 0.20, 0.05, 0.05, 0.00, 0.05],
        [0.25, 0.05, 0.00, 0.00, 0.20, 0.05, 0.15, 0.10, 0.15, 0.05, 0.00],
    ];

    public static double Score(in FitFeatures f)
    {
        var w = Weights[(int)f.Kind];
        return w[0] * (1 - f.DistanceShare) + w[1] * DutchFit(f) + w[2] * f.OccupationLevel / 4.0 + w[3] * f.SkillShare
            + w[4] * f.ScheduleShare + w[5] * f.HoursShare + w[6] * f.GoalFit + w[7] * Math.Min(1, f.SharedLanguages)
            + w[8] * Math.Min(1, f.InterestOverlap / 2.0) + w[9] * (f.FamilyBuddyFit ? 1 : 0) + w[10] * f.MapNeed;
    }

    /// <summary>What each subject added to the score; they sum to <see cref="Score"/>.</summary>
    public static IReadOnlyList<(ReasonKind Kind, double Contribution)> Contributions(in FitFeatures f)
    {
        var w = Weights[(int)f.Kind];
        return
        [
            (ReasonKind.Distance, w[0] * (1 - f.DistanceShare)),
            (ReasonKind.DutchLevel, w[1] * DutchFit(f)),
            (ReasonKind.Occupation, w[2] * f.OccupationLevel / 4.0),
            (ReasonKind.Skills, w[3] * f.SkillShare),
            (ReasonKind.Availability, w[4] * f.ScheduleShare + w[5] * f.HoursShare),
            (ReasonKind.PipGoal, w[6] * f.GoalFit),
            (ReasonKind.SharedLanguage, w[7] * Math.Min(1, f.SharedLanguages)),
            (ReasonKind.Interests, w[8] * Math.Min(1, f.InterestOverlap / 2.0) + w[9] * (f.FamilyBuddyFit ? 1 : 0)),
            (ReasonKind.MapHours, w[10] * f.MapNeed),
        ];
    }

    /// <summary>1 at or above the level asked; one step under is workable, more so with support on the floor.</summary>
    public static double DutchFit(in FitFeatures f) => f.DutchGap >= 0 ? 1 : f.DutchGap == -1 ? (f.LanguageSupport ? 0.6 : 0.35) : 0;
}
