using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The ranker in force: the promoted model, or the heuristic while there is none; and the pair
/// quality in force: the promoted model's acceptance model, or the heuristic's score while it has
/// none. Swapping both is one reference write: requests in flight finish with the ranker they
/// started with, the next one uses the new.
/// </summary>
public sealed class CurrentRanker : IRankerInForce
{
    private volatile RankingModel? model;

    /// <summary>The promoted model, or null while the heuristic ranks.</summary>
    public RankingModel? Model => model;

    public IRanker Ranker => (IRanker?)model ?? HeuristicRanker.Instance;

    public IPairQuality Quality => (IPairQuality?)model?.Acceptance ?? HeuristicQuality.Instance;

    public void Swap(RankingModel next) => model = next;
}
