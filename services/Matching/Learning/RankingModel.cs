using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>A promoted model ready to rank: its version, its trees, and its baseline for reasons.</summary>
public sealed class RankingModel(ModelVersion version, TreeEnsemble trees)
{
    private readonly float[] baseline = [.. version.Baseline];

    public ModelVersion Version => version;

    public string Id => version.Id;

    public double Score(in FitFeatures f)
    {
        Span<float> x = stackalloc float[FeatureVector.Length];
        FeatureVector.Write(f, x);
        return trees.Score(x);
    }

    public double Score(ReadOnlySpan<float> features) => trees.Score(features);

    /// <summary>The raw score on a 0-to-1 scale, for display.</summary>
    public static double Display(double raw) => 1 / (1 + Math.Exp(-raw));

    /// <summary>
    /// What each reason's features add to this pair's score: the score minus the score with those
    /// features set to their typical (baseline) value. It describes what the model does with this
    /// pair, not a separate rule.
    /// </summary>
    public IReadOnlyList<(ReasonKind Kind, double Contribution)> Contributions(in FitFeatures f)
    {
        Span<float> x = stackalloc float[FeatureVector.Length];
        FeatureVector.Write(f, x);
        Span<double> deltas = stackalloc double[ReasonGroups.Length];
        trees.Contributions(x, baseline, ReasonGroups, deltas);
        var contributions = new List<(ReasonKind, double)>(ReasonGroups.Length);
        for (var g = 0; g < ReasonGroups.Length; g++) contributions.Add((FeatureVector.Reasons[g].Kind, deltas[g]));
        return contributions;
    }

    private static readonly ulong[] ReasonGroups = FeatureVector.Reasons.Select(r => r.Features.Aggregate(0UL, (mask, i) => mask | 1UL << i)).ToArray();
}
