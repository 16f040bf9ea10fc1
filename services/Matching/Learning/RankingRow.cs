using Microsoft.ML.Data;

namespace Newcomers.Matching.Learning;

/// <summary>A labelled pair as ML.NET reads it: its group (one recommendation request), grade and features.</summary>
public sealed class RankingRow
{
    public float Label { get; set; }
    public uint Group { get; set; }

    [VectorType(FeatureVector.Length)]
    public float[] Features { get; set; } = [];

    /// <summary>How much the row counts in training (inverse-propensity weights against position bias); 1 by default.</summary>
    public float Weight { get; set; } = 1;

    /// <summary>A score from elsewhere (the heuristic, a random order), to evaluate it the same way.</summary>
    public float Score { get; set; }
}
