using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// A learned ranking model trained in process on simulated outcomes, as TrainModel trains one from
/// the simulator (the same trainer, data and baseline for reasons), without a store to keep it in.
/// </summary>
public static class SimulatorModel
{
    public static RankingModel Train(int seed = 42, int groups = 10_000)
    {
        var pairs = LabelledPairs.WithOutcomes(LabelledPairs.From(new OutcomeSimulator(seed).Groups(groups))).WithOutcome;
        var trainer = new RankingTrainer();
        var model = trainer.Train(pairs.Select(p => p.Row()));
        // The median of each feature over the training pairs, the baseline a model's reasons are measured from.
        var baseline = Enumerable.Range(0, FeatureVector.Length).Select(i => pairs.Select(p => p.Features[i]).Order().ElementAt(pairs.Count / 2));
        var version = new ModelVersion { Id = $"model-bench-{seed}", Source = TrainingSource.Simulator, Features = { FeatureVector.Names }, Baseline = { baseline }, Promoted = true };
        return new RankingModel(version, TreeEnsemble.From(model));
    }
}
