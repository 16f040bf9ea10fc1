using Newcomers.Matching.Domain;

namespace Newcomers.Benchmarks;

/// <summary>The ranker and pair quality a benchmark puts in force, and may change back: the heuristic's until told otherwise.</summary>
public sealed class RankerInUse : IRankerInForce
{
    public IRanker Ranker { get; private set; } = HeuristicRanker.Instance;

    public IPairQuality Quality { get; private set; } = HeuristicQuality.Instance;

    /// <summary>Ranks with the given ranker; the pair quality is the one given, or the heuristic's (as while a model gives none).</summary>
    public void Use(IRanker ranker, IPairQuality? quality = null)
    {
        Ranker = ranker;
        Quality = quality ?? HeuristicQuality.Instance;
    }
}
