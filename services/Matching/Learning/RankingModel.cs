using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// A promoted model ready to rank: its version, its trees, its baseline for reasons, and the
/// acceptance model trained beside it (null for a version without one, such as those trained before
/// acceptance models existed).
/// </summary>
public sealed class RankingModel(ModelVersion version, TreeEnsemble trees, AcceptanceQuality? acceptance = null) : IRanker
{
    // A model of an earlier feature set has a shorter baseline; its trees never read the later features.
    private readonly float[] baseline = [.. version.Baseline, .. new float[Math.Max(0, FeatureVector.Length - version.Baseline.Count)]];

    public ModelVersion Version => version;

    /// <summary>The calibrated acceptance of a pair, when the version has an acceptance model that gives the quality.</summary>
    public AcceptanceQuality? Acceptance => acceptance;

    public string Id => version.Id;

    public string Name => version.Id;

    public string Family => "model";

    /// <summary>The heuristic shortlists more than the final list, for the model to re-rank.</summary>
    public int Shortlist(int limit, MatchingOptions options) => Math.Max(limit, options.ModelShortlist);

    public double Score(in FitFeatures features)
    {
        Span<float> x = stackalloc float[FeatureVector.Length];
        FeatureVector.Write(features, x);
        return trees.Score(x);
    }

    public double Score(ReadOnlySpan<float> features) => trees.Score(features);

    /// <summary>The raw score on a 0-to-1 scale, for display.</summary>
    public double DisplayScore(double score) => 1 / (1 + Math.Exp(-score));

    /// <summary>A raw score above zero: the trees rank the pair above their baseline.</summary>
    public double GoodScore => 0.5;

    /// <summary>The heuristic's bound says nothing of the model's score: the best pairs by it are scored, whatever it is.</summary>
    public double GoodBound => double.NegativeInfinity;

    /// <summary>
    /// What each reason's features add to this pair's score: the score minus the score with those
    /// features set to their typical (baseline) value. It describes what the model does with this
    /// pair, not a separate rule.
    /// </summary>
    public IReadOnlyList<(ReasonKind Kind, double Contribution)> Contributions(in FitFeatures features)
    {
        Span<float> x = stackalloc float[FeatureVector.Length];
        FeatureVector.Write(features, x);
        Span<double> deltas = stackalloc double[ReasonGroups.Length];
        trees.Contributions(x, baseline, ReasonGroups, deltas);
        var contributions = new List<(ReasonKind, double)>(ReasonGroups.Length);
        for (var g = 0; g < ReasonGroups.Length; g++) contributions.Add((FeatureVector.Reasons[g].Kind, deltas[g]));
        return contributions;
    }

    private static readonly ulong[] ReasonGroups = FeatureVector.Reasons.Select(r => r.Features.Aggregate(0UL, (mask, i) => mask | 1UL << i)).ToArray();
}
