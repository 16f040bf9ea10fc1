namespace Newcomers.Matching.Domain;

/// <summary>The heuristic's score as a pair's quality: its weights add up to one for every kind, so it is on one scale for everyone.</summary>
public sealed class HeuristicQuality : IPairQuality
{
    public static readonly HeuristicQuality Instance = new();

    private HeuristicQuality()
    {
    }

    public string Name => HeuristicRanker.Name;

    public bool IsProbability => false;

    public double Quality(in FitFeatures features) => HeuristicRanker.Score(features);
}
