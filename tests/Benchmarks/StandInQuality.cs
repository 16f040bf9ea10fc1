using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// A stand-in for a model's pair quality: the learned ranking model's score through a logistic. It
/// is not calibrated (a ranking score compares opportunities for one newcomer), so it is no
/// probability; it costs what a model's quality costs, one walk of the trees per shortlisted pair,
/// and it shows what a quality learned from outcomes changes in an assignment.
/// </summary>
public sealed class StandInQuality(RankingModel model) : IPairQuality
{
    public string Name => $"{model.Id}/stand-in";

    public bool IsProbability => false;

    public double Quality(in FitFeatures features) => model.DisplayScore(model.Score(features));
}
