namespace Newcomers.Matching.Learning;

/// <summary>
/// The model that ranks now, or none (then the heuristic ranks). Swapping it is one reference
/// write: requests in flight finish with the model they started with, the next one uses the new.
/// </summary>
public sealed class CurrentRanker
{
    private volatile RankingModel? model;

    public RankingModel? Model => model;

    public void Swap(RankingModel next) => model = next;
}
