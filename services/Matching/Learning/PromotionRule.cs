using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning;

/// <summary>
/// When a newly trained model may rank. It must beat the heuristic, and beat the ranker in force
/// (the current model, or the heuristic when none ranks) on NDCG@10 by at least the margin
/// (Matching:PromotionMargin), with a paired bootstrap over the held-out groups putting the gain's
/// 95% interval above zero: a gain that a different draw of the same groups could undo is noise.
/// Nor may it make a group's exposure less fair than under the ranker in force by more than the
/// fairness margin (<see cref="PromotionFairnessCheck"/>). The same rule decides for the
/// simulator's bootstrap model and for models trained on outcomes.
/// </summary>
public sealed class PromotionRule(double margin, int resamples = 2000, int seed = 17)
{
    public double Margin => margin;

    /// <summary>
    /// The decision on held-out groups: for each group, the new model's NDCG@10 and the ranker in force's; and, when one was
    /// made, the fairness check on the held-out lists (<see cref="PromotionFairnessCheck"/>), which keeps back a model that
    /// passes on NDCG@10 and is said in every decision.
    /// </summary>
    public (bool Promote, string Decision) Decide(ModelEvaluation e, IReadOnlyList<(double New, double Current)> groups, PromotionFairness? fairness = null)
    {
        var (promote, decision) = OnRanking(e, groups);
        if (fairness is null) return (promote, decision);
        var words = PromotionFairnessCheck.Words(fairness);
        return promote && fairness.Blocked ? (false, $"kept back: {decision["promoted: ".Length..]}; {words}") : (promote, $"{decision}; {words}");
    }

    private (bool Promote, string Decision) OnRanking(ModelEvaluation e, IReadOnlyList<(double New, double Current)> groups)
    {
        if (e.Model.NdcgAt10 <= e.Heuristic.NdcgAt10)
            return (false, $"kept back: NDCG@10 {e.Model.NdcgAt10:0.000} does not beat the heuristic's {e.Heuristic.NdcgAt10:0.000}");
        var against = e.PreviousModel is { } previous ? $"the current model's {previous.NdcgAt10:0.000}" : $"the heuristic's {e.Heuristic.NdcgAt10:0.000}";
        var (gain, low, high) = PairedBootstrap(groups);
        var measured = $"NDCG@10 {e.Model.NdcgAt10:0.000} against {against}: a gain of {gain:+0.000;-0.000} per group (95% interval {low:+0.000;-0.000} to {high:+0.000;-0.000}, {groups.Count} groups; margin {margin:0.000})";
        if (gain < margin) return (false, $"kept back: {measured}; the gain is under the margin");
        if (low <= 0) return (false, $"kept back: {measured}; the interval does not clear zero");
        return (true, $"promoted: {measured}");
    }

    /// <summary>The mean gain per group, and its 95% interval from resampling the groups with replacement.</summary>
    public (double Gain, double Low, double High) PairedBootstrap(IReadOnlyList<(double New, double Current)> groups)
    {
        if (groups.Count == 0) return (0, 0, 0);
        var gains = groups.Select(g => g.New - g.Current).ToArray();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < gains.Length; i++) sum += gains[random.Next(gains.Length)];
            means[r] = sum / gains.Length;
        }
        Array.Sort(means);
        return (gains.Average(), means[(int)(resamples * 0.025)], means[(int)(resamples * 0.975) - 1]);
    }

    /// <summary>
    /// NDCG@10 of each group under two scorings, with ML.NET's default label gains (0, 3, 7, 15, 31) and
    /// its discount 1 / log(1 + position), so the mean over groups is what the evaluator reports.
    /// Groups in which nothing was taken up have no ideal order and are left out.
    /// </summary>
    public static List<(double New, double Current)> PerGroup(IEnumerable<LabelledPair> pairs, Func<LabelledPair, double> newScore, Func<LabelledPair, double> currentScore) =>
        pairs.GroupBy(p => p.Group).Select(g => g.ToList()).Where(g => g.Any(p => p.Label > 0))
            .Select(g => (Ndcg(g, newScore), Ndcg(g, currentScore))).ToList();

    private static readonly double[] LabelGains = [0, 3, 7, 15, 31];

    private static double Ndcg(List<LabelledPair> group, Func<LabelledPair, double> score)
    {
        static double Dcg(IEnumerable<float> labels) => labels.Take(10).Select((label, i) => LabelGains[(int)label] / Math.Log(2 + i)).Sum();
        var ideal = Dcg(group.Select(p => p.Label).OrderDescending());
        return Dcg(group.OrderByDescending(score).Select(p => p.Label)) / ideal;
    }
}
