using Microsoft.ML.Data;

namespace Newcomers.Matching.Learning;

/// <summary>A labelled pair as ML.NET reads it: its group (one recommendation request), grade and features.</summary>
public sealed class RankingRow
{
    public float Label { get; set; }
    public uint Group { get; set; }

    [VectorType(FeatureVector.Length)]
    public float[] Features { get; set; } = [];

    /// <summary>A score from elsewhere (the heuristic, a random order), to evaluate it the same way.</summary>
    public float Score { get; set; }
}
