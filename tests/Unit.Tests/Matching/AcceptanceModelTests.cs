using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

public sealed class AcceptanceModelTests
{
    [Fact]
    public void The_acceptance_model_trained_on_simulated_outcomes_is_calibrated_on_a_seed_it_never_saw()
    {
        var train = LabelledPairs.From(new OutcomeSimulator(seed: 42).Groups(3000));
        var test = LabelledPairs.From(new OutcomeSimulator(seed: 7).Groups(1000));
        var trainer = new AcceptanceTrainer();

        var (description, zip) = trainer.Run(train, test, "m/acceptance", "simulator seed 7");

        Assert.True(description.GivesQuality, description.Decision);
        Assert.NotNull(zip);
        // Only answered proposals: in the simulator, the pairs graded 1 (proposed, not accepted) or more.
        var proposals = test.Where(p => p.Label >= 1).ToList();
        Assert.Equal(proposals.Count, description.TestPairs);
        Assert.Equal(train.Count(p => p.Label >= 1), description.TrainingPairs + description.CalibrationPairs);
        Assert.InRange(description.CalibrationPairs, description.TrainingPairs / 6, description.TrainingPairs / 3);
        Assert.Equal(proposals.Count(p => p.Label >= 2) / (double)proposals.Count, description.BaseRate, 4);

        // The figures are those of the probabilities served: recomputed here from the zip.
        var quality = AcceptanceQuality.Load("m/acceptance", zip);
        var predicted = proposals.Select(p => (P: quality.Quality(p.Features), Y: p.Label >= 2 ? 1 : 0)).ToList();
        Assert.Equal(predicted.Average(o => (o.P - o.Y) * (o.P - o.Y)), description.Brier, 4);
        Assert.Equal(CalibrationCheck.Bins, description.Reliability.Count);
        Assert.Equal(proposals.Count, description.Reliability.Sum(b => b.Pairs));
        foreach (var bin in description.Reliability.Where(b => b.Pairs > 0))
        {
            var inBin = predicted.Where(o => o.P >= bin.Lower && (o.P < bin.Upper || bin.Upper == 1)).ToList();
            Assert.Equal(inBin.Count, bin.Pairs);
            Assert.Equal(inBin.Average(o => o.Y), bin.ObservedRate, 4);
        }

        // Better than predicting the base rate for everyone, and calibrated up to sampling noise: a perfectly calibrated model
        // would still show |mean predicted − observed| of about √(2/π)·√(p(1−p)/n) in a bin of n pairs around p, about 0.009
        // summed over these ~9,700 proposals. 0.03 is over three times that; a score that is no probability misses by far more (below).
        Assert.True(description.Brier < description.BaseRateBrier, description.Decision);
        var noise = description.Reliability.Sum(b => Math.Sqrt(2 / Math.PI) * Math.Sqrt(b.Pairs * b.MeanPredicted * (1 - b.MeanPredicted))) / description.TestPairs;
        Assert.True(description.ExpectedCalibrationError <= 0.03, $"ECE {description.ExpectedCalibrationError}, sampling noise alone about {noise:0.0000}");
        Assert.True(description.ExpectedCalibrationError <= 3 * noise, $"ECE {description.ExpectedCalibrationError}, sampling noise alone about {noise:0.0000}");
        Assert.InRange(description.LogLoss, 0.01, -Math.Log(0.5));

        // The ranking's score, put through a sigmoid as the console shows it, is no such probability: it orders one newcomer's list.
        var ranking = new RankingTrainer();
        var trees = TreeEnsemble.From(ranking.Train(train.Select(p => p.Row())));
        var asProbability = new AcceptanceModel();
        CalibrationCheck.Measure(proposals.Select(p => (1 / (1 + Math.Exp(-trees.Score(p.Features))), p.Label >= 2)).ToList(), asProbability);
        Assert.True(asProbability.ExpectedCalibrationError > 0.1, $"ECE of the ranking score {asProbability.ExpectedCalibrationError}");
        Assert.True(asProbability.Brier > description.Brier, $"Brier of the ranking score {asProbability.Brier}");
    }

    [Fact]
    public void The_fast_path_gives_the_probability_of_ML_NETs_own_prediction_before_and_after_storing()
    {
        var pairs = LabelledPairs.Proposals(LabelledPairs.From(new OutcomeSimulator(seed: 11).Groups(600)));
        var (fit, calibration) = LabelledPairs.SplitForCalibration(pairs);
        var trainer = new AcceptanceTrainer();
        var model = trainer.Train(fit.Select(p => p.AcceptanceRow()), calibration.Select(p => p.AcceptanceRow()), trees: 40);
        var rows = pairs.Select(p => p.AcceptanceRow()).ToList();
        var expected = trainer.Probabilities(model, rows);

        var zip = trainer.Save(model);
        using var stream = new MemoryStream(zip);
        var loaded = new MLContext().Model.Load(stream, out _);
        Assert.Equal(expected, trainer.Probabilities(loaded, rows));
        var quality = AcceptanceQuality.Load("m/acceptance", zip);
        var (slope, _) = quality.Platt;
        Assert.True(slope < 0, $"a higher raw score is a higher probability (slope {slope})");
        Assert.Contains(expected, p => p < 0.5);
        Assert.Contains(expected, p => p > 0.9);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i], quality.Quality(rows[i].Features), 1e-5);
            Assert.Equal(expected[i], AcceptanceQuality.From("m/acceptance", model).Quality(rows[i].Features), 1e-5);
        }

        // Through FitFeatures, as a cohort asks.
        var vocabulary = new Vocabulary();
        var features = FeatureExtractor.Extract(NewcomerEntry.From(Sample.Newcomer(), vocabulary), OpportunityEntry.From(Sample.Opportunity("o", 2), vocabulary, new PlaceCounter()), 2, new DateOnly(2026, 1, 5));
        Assert.Equal(trainer.Probabilities(model, [new AcceptanceRow { Features = FeatureVector.From(features) }])[0], quality.Quality(features), 1e-5);
    }

    [Fact]
    public void Too_few_answered_proposals_train_no_acceptance_model_and_the_decision_says_how_many()
    {
        var pairs = LabelledPairs.From(new OutcomeSimulator(seed: 3).Groups(8));
        var (description, zip) = new AcceptanceTrainer().Run(pairs, pairs, "m/acceptance", "simulator seed 3");

        Assert.Null(zip);
        Assert.False(description.GivesQuality);
        Assert.StartsWith($"not trained: {description.TrainingPairs} answered proposals to train on (at least {AcceptanceTrainer.MinimumPairs})", description.Decision);
        Assert.Empty(description.Reliability);
    }

    [Fact]
    public async Task A_promoted_version_gives_its_acceptance_as_the_quality_in_force_also_after_loading()
    {
        await using var store = TempMatchStore.Open();
        var (version, zip, acceptanceZip) = Trained("m1");
        var ranker = new CurrentRanker();
        using var registry = new ModelRegistry(store, ranker, NullLogger<ModelRegistry>.Instance);
        Assert.Same(HeuristicQuality.Instance, ranker.Quality);

        await registry.SaveAsync(version, zip, acceptanceZip, CancellationToken.None);

        Assert.True(ranker.Quality.IsProbability);
        Assert.Equal("m1/acceptance", ranker.Quality.Name);
        Assert.IsType<AcceptanceQuality>(ranker.Quality);
        // Another replica, or a restart, loads it from the store.
        var loaded = new CurrentRanker();
        using (var other = new ModelRegistry(store, loaded, NullLogger<ModelRegistry>.Instance)) await other.LoadAsync(CancellationToken.None);
        Assert.Equal("m1/acceptance", loaded.Quality.Name);
        var pairs = LabelledPairs.From(new OutcomeSimulator(seed: 8).Groups(20));
        Assert.Equal(pairs.Select(p => ranker.Model!.Acceptance!.Quality(p.Features)), pairs.Select(p => loaded.Model!.Acceptance!.Quality(p.Features)));
        Assert.All(pairs, p => Assert.InRange(loaded.Model!.Acceptance!.Quality(p.Features), 0, 1));
    }

    [Fact]
    public async Task A_version_stored_before_acceptance_models_loads_and_ranks_with_the_heuristic_as_its_quality()
    {
        await using var store = TempMatchStore.Open();
        var (version, zip, _) = Trained("model-before");
        version.Acceptance = null;
        using (var writer = new ModelRegistry(store, new CurrentRanker(), NullLogger<ModelRegistry>.Instance))
            await writer.SaveAsync(version, zip, null, CancellationToken.None);

        var ranker = new CurrentRanker();
        using var registry = new ModelRegistry(store, ranker, NullLogger<ModelRegistry>.Instance);
        await registry.LoadAsync(CancellationToken.None);

        Assert.Equal("model-before", ranker.Ranker.Name);
        Assert.Same(HeuristicQuality.Instance, ranker.Quality);
        Assert.False(ranker.Quality.IsProbability);
        var vocabulary = new Vocabulary();
        var features = FeatureExtractor.Extract(NewcomerEntry.From(Sample.Newcomer(), vocabulary), OpportunityEntry.From(Sample.Opportunity("o", 2), vocabulary, new PlaceCounter()), 2, new DateOnly(2026, 1, 5));
        Assert.True(double.IsFinite(ranker.Ranker.Score(features)));
        Assert.Equal(HeuristicRanker.Score(features), ranker.Quality.Quality(features));
        var recommender = new Recommender(new MatchingReadModel(), new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System, ranker);
        Assert.Same(HeuristicQuality.Instance, recommender.QualityInForce);
    }

    /// <summary>A promoted version with its ranking zip and its acceptance zip, trained small.</summary>
    private static (ModelVersion Version, byte[] Zip, byte[] AcceptanceZip) Trained(string id)
    {
        var pairs = LabelledPairs.From(new OutcomeSimulator(seed: 5).Groups(400));
        var ranking = new RankingTrainer();
        var zip = ranking.Save(ranking.Train(pairs.Select(p => p.Row()), trees: 10));
        var (fit, calibration) = LabelledPairs.SplitForCalibration(LabelledPairs.Proposals(pairs));
        var acceptance = new AcceptanceTrainer();
        var acceptanceZip = acceptance.Save(acceptance.Train(fit.Select(p => p.AcceptanceRow()), calibration.Select(p => p.AcceptanceRow()), trees: 10));
        var version = new ModelVersion
        {
            Id = id, Promoted = true, Baseline = { new float[FeatureVector.Length] },
            Acceptance = new AcceptanceModel { Name = AcceptanceQuality.NameFor(id), GivesQuality = true },
        };
        return (version, zip, acceptanceZip);
    }
}
