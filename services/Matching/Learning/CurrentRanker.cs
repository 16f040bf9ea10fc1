using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The ranker in force: the promoted model, or the heuristic while there is none. Swapping it is
/// one reference write: requests in flight finish with the ranker they started with, the next one
/// uses the new.
/// </summary>
public sealed class CurrentRanker : IRankerInForce
{
    private volatile RankingModel? model;

    /// <summary>The promoted model, or null while the heuristic ranks.</summary>
    public RankingModel? Model => model;

    public IRanker Ranker => (IRanker?)model ?? HeuristicRanker.Instance;

    public IPairQuality Quality => HeuristicQuality.Instance;

    public void Swap(RankingModel next) => model = next;
}
