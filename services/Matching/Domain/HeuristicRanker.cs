using System.Runtime.CompilerServices;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>
    /// What <see cref="Score"/> gains when the one fit a kind of profile change moves (<see cref="FeatureExtractor.Moved"/>) goes
    /// from its value in <paramref name="f"/> to <paramref name="moved"/>: the score is a weighted sum, so it moves by that fit's term alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Gain(in FitFeatures f, PipChangeKind kind, double moved)
    {
        var w = Weights[(int)f.Kind];
        return kind switch
        {
            PipChangeKind.TravelDistance => w[0] * (f.DistanceShare - moved),
            PipChangeKind.DutchLevel => w[1] * (DutchFit((int)moved, f.LanguageSupport) - DutchFit(f)),
            PipChangeKind.Skill => w[3] * (moved - f.SkillShare),
            PipChangeKind.DayPart => w[4] * (moved - f.ScheduleShare),
            PipChangeKind.Hours => w[5] * (moved - f.HoursShare),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a profile change"),
        };
    }

    /// <summary>What the score gains, kind of change by kind of change, when the fits each moves go from their values in <paramref name="f"/> to those in <paramref name="moved"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Distance, double Dutch, double Schedule, double Hours, double Skills) Gains(in FitFeatures f, in FitFeatures moved)
    {
        var w = Weights[(int)f.Kind];
        return (w[0] * (f.DistanceShare - moved.DistanceShare), w[1] * (DutchFit(moved) - DutchFit(f)), w[4] * (moved.ScheduleShare - f.ScheduleShare),
            w[5] * (moved.HoursShare - f.HoursShare), w[3] * (moved.SkillShare - f.SkillShare));
    }

    /// <summary>
    /// The most a single change to a newcomer's profile adds to the score of a pair of the kind: the largest weight of a
    /// fit one moves (each a share or a Dutch fit, from 0 to 1), the distance's times the most its share can fall.
    /// </summary>
    public static double MostGain(OpportunityKind kind, double distanceShareFall)
    {
        var w = Weights[(int)kind];
        return Math.Max(w[0] * distanceShareFall, Math.Max(Math.Max(w[1], w[3]), Math.Max(w[4], w[5])));
    }

    /// <summary>How much the score of a pair of the kind falls when its distance share grows by <paramref name="share"/>.</summary>
    public static double Farther(OpportunityKind kind, double share) => Weights[(int)kind][0] * share;

    public static double DutchFit(in FitFeatures f) => DutchFit(f.DutchGap, f.LanguageSupport);

    /// <summary>1 at or above the level asked; one step under is workable, more so with support on the floor.</summary>
    private static double DutchFit(int gap, bool support) => gap >= 0 ? 1 : gap == -1 ? (support ? 0.6 : 0.35) : 0;
}
