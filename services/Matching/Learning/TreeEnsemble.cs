using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The trees of a trained LightGBM model (the ranking, or the acceptance classifier), read out of
/// ML.NET into flat arrays and walked in a plain loop: the same scores as ML.NET's own prediction, at a fraction of the cost per row.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly int[] roots;
    private readonly bool[] stump;
    private readonly int[] left;
    private readonly int[] right;
    private readonly int[] feature;
    private readonly float[] threshold;
    private readonly int[] leafStart;
    private readonly double[] leafValue;
    private readonly double bias;

    private TreeEnsemble(RegressionTreeEnsemble ensemble)
    {
        var trees = ensemble.Trees;
        roots = new int[trees.Count];
        stump = new bool[trees.Count];
        leafStart = new int[trees.Count];
        var nodes = trees.Sum(t => t.NumberOfNodes);
        (left, right, feature, threshold) = (new int[nodes], new int[nodes], new int[nodes], new float[nodes]);
        leafValue = new double[trees.Sum(t => t.NumberOfLeaves)];
        int nodeAt = 0, leafAt = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var weight = ensemble.TreeWeights[t];
            (roots[t], leafStart[t], stump[t]) = (nodeAt, leafAt, tree.NumberOfNodes == 0);
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                // Children below zero are leaves (~leaf); others are node numbers within this tree.
                left[nodeAt + n] = tree.LeftChild[n] < 0 ? tree.LeftChild[n] : tree.LeftChild[n] + nodeAt;
                right[nodeAt + n] = tree.RightChild[n] < 0 ? tree.RightChild[n] : tree.RightChild[n] + nodeAt;
                feature[nodeAt + n] = tree.NumericalSplitFeatureIndexes[n];
                threshold[nodeAt + n] = tree.NumericalSplitThresholds[n];
            }
            for (var l = 0; l < tree.NumberOfLeaves; l++) leafValue[leafAt + l] = weight * tree.LeafValues[l];
            nodeAt += tree.NumberOfNodes;
            leafAt += tree.NumberOfLeaves;
        }
        bias = ensemble.Bias;
    }

    public int TreeCount => roots.Length;

    /// <summary>The trees of a model trained by <see cref="RankingTrainer"/>.</summary>
    public static TreeEnsemble From(ITransformer model)
    {
        var last = model is IEnumerable<ITransformer> chain ? chain.Last() : model;
        var ranking = (RankingPredictionTransformer<LightGbmRankingModelParameters>)last;
        return Of(ranking.Model);
    }

    /// <summary>The trees of any LightGBM model, the ranking's or the acceptance classifier's; scores are their raw output.</summary>
    public static TreeEnsemble Of(TreeEnsembleModelParametersBasedOnRegressionTree model) => new(model.TrainedTreeEnsemble);

    /// <summary>
    /// For each group of features (a bit mask over feature indexes below 64): the score minus the
    /// score with that group's features at their baseline values. A tree whose path for these
    /// features uses none of a group's features adds nothing to that group, so it is walked again
    /// only for the groups its path touches; the result is the same as scoring every substitute.
    /// </summary>
    public void Contributions(ReadOnlySpan<float> features, ReadOnlySpan<float> baseline, ReadOnlySpan<ulong> groups, Span<double> into)
    {
        into.Clear();
        for (var t = 0; t < roots.Length; t++)
        {
            if (stump[t]) continue;
            var node = roots[t];
            var used = 0UL;
            while (node >= 0)
            {
                used |= 1UL << feature[node];
                node = features[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            var leaf = leafValue[leafStart[t] + ~node];
            for (var g = 0; g < groups.Length; g++)
            {
                if ((used & groups[g]) == 0) continue;
                var other = roots[t];
                while (other >= 0)
                {
                    var f = feature[other];
                    var value = (groups[g] >> f & 1) == 1 ? baseline[f] : features[f];
                    other = value <= threshold[other] ? left[other] : right[other];
                }
                into[g] += leaf - leafValue[leafStart[t] + ~other];
            }
        }
    }

    public double Score(ReadOnlySpan<float> features)
    {
        var score = bias;
        for (var t = 0; t < roots.Length; t++)
        {
            var node = stump[t] ? -1 : roots[t];
            while (node >= 0) node = features[feature[node]] <= threshold[node] ? left[node] : right[node];
            score += leafValue[leafStart[t] + ~node];
        }
        return score;
    }
}
