using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// A learned model trained in process on simulated outcomes, as TrainModel trains one from the
/// simulator, without a store to keep it in: the ranking trees (the same trainer, data and baseline
/// for reasons) and the acceptance model beside them (<see cref="AcceptanceTrainer"/> on the same
/// requests' answered proposals, checked on a simulator seed held out), each through its zip into a
/// model ready to rank as the registry builds one. The same trees also come as a version without an
/// acceptance model, whose pair quality stays the heuristic's.
/// </summary>
public sealed class SimulatorModel
{
    private SimulatorModel(RankingModel model, RankingModel rankingOnly)
    {
        Model = model;
        RankingOnly = rankingOnly;
    }

    /// <summary>The model with its acceptance model: in force, it ranks and its calibrated acceptance is the pair quality.</summary>
    public RankingModel Model { get; }

    /// <summary>The same trees as a version without an acceptance model: in force, it ranks and the heuristic's score stays the pair quality.</summary>
    public RankingModel RankingOnly { get; }

    /// <summary>What the acceptance trainer made of it: the pairs it trained, calibrated and tested on, and its decision.</summary>
    public AcceptanceModel Acceptance => Model.Version.Acceptance;

    /// <summary>Trains both on <paramref name="groups"/> simulated requests of the seed; the acceptance model is checked on the seed 1,000 on, as a training run checks it.</summary>
    public static SimulatorModel Train(int seed = 42, int groups = 10_000)
    {
        var train = LabelledPairs.From(new OutcomeSimulator(seed).Groups(groups));
        var heldOutSeed = seed + 1000;
        var heldOut = LabelledPairs.From(new OutcomeSimulator(heldOutSeed).Groups(Math.Max(500, groups / 5)));
        var pairs = LabelledPairs.WithOutcomes(train).WithOutcome;
        var trainer = new RankingTrainer();
        var zip = trainer.Save(trainer.Train(pairs.Select(p => p.Row())));
        // The median of each feature over the training pairs, the baseline a model's reasons are measured from.
        var baseline = Enumerable.Range(0, FeatureVector.Length).Select(i => pairs.Select(p => p.Features[i]).Order().ElementAt(pairs.Count / 2));
        var id = $"model-bench-{seed}";
        var (acceptance, acceptanceZip) = new AcceptanceTrainer().Run(train, heldOut, AcceptanceQuality.NameFor(id), $"simulator seed {heldOutSeed}");
        var version = new ModelVersion
        {
            Id = id, Source = TrainingSource.Simulator, Features = { FeatureVector.Names }, Baseline = { baseline }, Promoted = true, Acceptance = acceptance,
        };
        var rankingOnly = version.Clone();
        rankingOnly.Acceptance = null;
        return new SimulatorModel(ModelRegistry.Build(version, zip, acceptanceZip), ModelRegistry.Build(rankingOnly, zip));
    }
}
