using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Newcomers.Matching.Learning;

/// <summary>
/// LightGBM LambdaRank through ML.NET. The group column is hashed to a key, so a group gets the
/// same key in every split (a key fitted on one split would map unseen groups to one value).
/// </summary>
public sealed class RankingTrainer(int seed = 1)
{
    private readonly MLContext ml = new(seed);

    public MLContext Context => ml;

    /// <summary>Trains on the rows; with <paramref name="weighted"/>, each row counts as its Weight.</summary>
    public ITransformer Train(IEnumerable<RankingRow> rows, int trees = 100, int leaves = 31, int minRowsPerLeaf = 50, double learningRate = 0.1, bool weighted = false) =>
        Train(ml.Data.LoadFromEnumerable(rows), trees, leaves, minRowsPerLeaf, learningRate, weighted);

    /// <summary>Trains on any data with Label, Group and Features columns (a feature vector of any length), and Weight when weighted.</summary>
    public ITransformer Train(IDataView data, int trees = 100, int leaves = 31, int minRowsPerLeaf = 50, double learningRate = 0.1, bool weighted = false)
    {
        var pipeline = GroupKey().Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(RankingRow.Label), FeatureColumnName = nameof(RankingRow.Features), RowGroupColumnName = "GroupKey",
            ExampleWeightColumnName = weighted ? nameof(RankingRow.Weight) : null,
            NumberOfIterations = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRowsPerLeaf, LearningRate = learningRate,
            Seed = seed, NumberOfThreads = Environment.ProcessorCount,
        }));
        return pipeline.Fit(data);
    }

    /// <summary>The model as an ML.NET zip.</summary>
    public byte[] Save(ITransformer model)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<RankingRow>()).Schema, stream);
        return stream.ToArray();
    }

    /// <summary>The trained model's ranking quality on the rows.</summary>
    public RankingQuality Evaluate(ITransformer model, IEnumerable<RankingRow> rows) =>
        Quality(model.Transform(ml.Data.LoadFromEnumerable(rows)));

    /// <summary>The model's quality on any data; label gains as a comma-separated list (ML.NET's default 0,3,7,15,31).</summary>
    public RankingQuality Evaluate(ITransformer model, IDataView data, string? labelGains = null) => Quality(model.Transform(data), labelGains);

    /// <summary>The quality of the rows' own Score column (the heuristic, or a random order).</summary>
    public RankingQuality EvaluateScores(IEnumerable<RankingRow> rows) =>
        Quality(GroupKey().Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows)));

    private IEstimator<ITransformer> GroupKey() =>
        ml.Transforms.Conversion.Hash("GroupKey", nameof(RankingRow.Group), numberOfBits: 24);

    private RankingQuality Quality(IDataView scored, string? labelGains = null)
    {
        var options = new RankingEvaluatorOptions { DcgTruncationLevel = 10 };
        if (labelGains is not null) options.LabelGains = labelGains;
        var metrics = ml.Ranking.Evaluate(scored, options,
            labelColumnName: nameof(RankingRow.Label), rowGroupColumnName: "GroupKey", scoreColumnName: "Score");
        var ndcg = metrics.NormalizedDiscountedCumulativeGains;
        return new RankingQuality(ndcg[0], ndcg[2], ndcg[9]);
    }
}
