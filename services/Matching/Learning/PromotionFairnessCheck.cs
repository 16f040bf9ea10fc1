using Newcomers.Contracts.V1;
using Newcomers.Matching.Fairness;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The fairness part of the promotion rule (docs/ranking.md#fairness-in-the-promotion-rule): the
/// held-out rankings of newcomers (lists for an opportunity) ranked again by the new model and by the
/// ranker in force, and each reported group's exposure ratio under both. A model is kept back when a
/// group's ratio ends further from 1 than under the ranker in force by more than the margin. Selection
/// rates need the lists to have been shown, so only exposure is checked before promotion; the report
/// gives the rates once the model has ranked. Without two groups large enough the check says so and
/// does not block.
/// </summary>
public sealed class PromotionFairnessCheck(FairnessFigures figures, double margin)
{
    public PromotionFairness Check(IEnumerable<LabelledPair> heldOut, Func<LabelledPair, double> newScore, Func<LabelledPair, double> currentScore,
        IReadOnlyDictionary<string, ProtectedAttributes> attributes)
    {
        var lists = RankingsOfNewcomers(heldOut);
        RankerFairness Ranked(string name, Func<LabelledPair, double> score)
        {
            var exposure = new RankerExposure(name);
            foreach (var list in lists) exposure.Ranking(list.OrderByDescending(score).Select((p, i) => (p.NewcomerId, i + 1)));
            return figures.Of(exposure, attributes);
        }
        var (candidate, current) = (Ranked("new", newScore), Ranked("current", currentScore));
        var result = new PromotionFairness { Margin = margin };
        var worst = double.NegativeInfinity;
        foreach (var (after, before) in candidate.Dimensions.Zip(current.Dimensions))
        {
            if (after.TooSmallToCompare || before.TooSmallToCompare) continue;
            result.Checked = true;
            foreach (var g in after.Groups)
            {
                if (before.Groups.FirstOrDefault(b => b.Group == g.Group) is not { } was) continue;
                var moved = Math.Abs(g.ExposureRatio - 1) - Math.Abs(was.ExposureRatio - 1);
                if (moved <= worst) continue;
                worst = moved;
                (result.Dimension, result.Group, result.NewRatio, result.CurrentRatio) = (after.Dimension, g.Group, g.ExposureRatio, was.ExposureRatio);
            }
        }
        result.Blocked = result.Checked && worst > margin;
        return result;
    }

    /// <summary>The held-out groups that rank newcomers: pairs of more than one newcomer.</summary>
    public static List<List<LabelledPair>> RankingsOfNewcomers(IEnumerable<LabelledPair> heldOut) =>
        [.. heldOut.Where(p => p.NewcomerId.Length > 0).GroupBy(p => p.Group).Select(g => g.ToList()).Where(g => g.Select(p => p.NewcomerId).Distinct().Count() > 1)];

    /// <summary>What the decision adds in English: why it was kept back, or how the check went.</summary>
    public static string Words(PromotionFairness f) => !f.Checked
        ? "fairness: too few newcomers with protected attributes per group in the held-out lists to compare exposure; not checked, not blocking"
        : $"fairness: the exposure ratio of {f.Dimension} {f.Group} is {f.NewRatio:0.00} against {f.CurrentRatio:0.00} under the ranker in force" +
          (f.Blocked ? $", further from 1 by more than the margin {f.Margin:0.00}" : $" (margin {f.Margin:0.00})");
}
