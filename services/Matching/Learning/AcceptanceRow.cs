using Microsoft.ML.Data;

namespace Newcomers.Matching.Learning;

/// <summary>A decided proposal as ML.NET reads it: accepted or better (true) or not, and the pair's features.</summary>
public sealed class AcceptanceRow
{
    public bool Label { get; set; }

    [VectorType(FeatureVector.Length)]
    public float[] Features { get; set; } = [];
}
