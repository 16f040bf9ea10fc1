using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning;

/// <summary>
/// A training run: data, LightGBM LambdaRank, the acceptance model beside it (<see cref="AcceptanceTrainer"/>),
/// evaluation on held-out data beside the heuristic, a random order and the current model, then the
/// promotion rule (<see cref="PromotionRule"/>) with its fairness check (<see cref="PromotionFairnessCheck"/>). One training run at a time, and one
/// evaluation at a time: either asked for while one of its kind runs fails its precondition
/// (TRAINING_IN_PROGRESS, EVALUATION_IN_PROGRESS) rather than queue, so runs never pile up on the cores.
/// </summary>
public sealed class ModelTraining(ModelRegistry registry, OutcomeLabels outcomes, ImpressionLog impressions, Microsoft.Extensions.Options.IOptions<Domain.MatchingOptions> options,
    FairnessReporter fairness, ILogger<ModelTraining> logger)
{
    private int running;
    private int evaluating;

    public async Task<ModelVersion> TrainAsync(TrainingSource source, int seed, int groups, Func<TrainModelProgress, Task> report, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
            throw Errors.FailedPrecondition("TRAINING_IN_PROGRESS", "model", "a training run is in progress; try again when it has ended");
        Task? fit = null;
        try
        {
            await report(new TrainModelProgress { Stage = "data", Fraction = 0, Message = source == TrainingSource.Simulator ? $"simulating {groups} requests (seed {seed})" : "reading impressions and outcomes" });
            var (train, heldOut, description, reExtracted, leftOutPairs) = await DataAsync(source, seed, groups, cancellationToken);
            if (reExtracted + leftOutPairs > 0)
                await report(new TrainModelProgress { Stage = "data", Fraction = 0.05, Message = $"{reExtracted} pairs shown with an earlier feature set extracted again, {leftOutPairs} left out (newcomer or opportunity gone)" });
            var trainGroups = LabelledPairs.WithOutcomes(train).WithOutcome.Select(p => p.Group).Distinct().Count();
            var (test, leftOut) = LabelledPairs.WithOutcomes(heldOut);
            if (trainGroups < MinimumGroups || test.Count == 0)
                throw NotEnoughOutcomes($"{trainGroups} request groups with an outcome to train on (at least {MinimumGroups} are needed) and " +
                    $"{test.Select(p => p.Group).Distinct().Count()} held out (at least 1)");

            await report(new TrainModelProgress { Stage = "training", Fraction = 0.1, Message = $"training on {train.Count} pairs in {trainGroups} groups" });
            var trainer = new RankingTrainer();
            var clock = Stopwatch.StartNew();
            // Real lists carry position bias: outcomes train with inverse propensity weights. The simulator's lists have no position effect.
            var takeUp = PositionBias.TakeUp(train);
            var weighted = source == TrainingSource.Outcomes;
            var weights = weighted ? PositionBias.Weights(train, takeUp) : null;
            var fitting = Task.Run(() => trainer.Train(train.Select((p, i) => p.Row(weight: weights?[i] ?? 1)), weighted: weighted), CancellationToken.None);
            fit = fitting;
            while (await Task.WhenAny(fitting, Task.Delay(1000, cancellationToken)) != fitting)
                await report(new TrainModelProgress { Stage = "training", Fraction = 0.1 + 0.7 * Math.Min(1, clock.Elapsed.TotalSeconds / 60), Message = $"training, {clock.Elapsed.TotalSeconds:0} s" });
            var model = await fitting;
            var seconds = clock.Elapsed.TotalSeconds;

            var created = DateTime.UtcNow;
            var id = $"model-{created:yyyyMMddHHmmssfff}";
            await report(new TrainModelProgress { Stage = "acceptance", Fraction = 0.8, Message = $"ranking trained in {seconds:0.0} s; training the acceptance model on answered proposals" });
            var (acceptance, acceptanceZip) = await Task.Run(() => new AcceptanceTrainer().Run(train, heldOut, AcceptanceQuality.NameFor(id), description), CancellationToken.None);
            await report(new TrainModelProgress { Stage = "acceptance", Fraction = 0.84, Message = $"acceptance model {acceptance.Decision}" });

            await report(new TrainModelProgress { Stage = "evaluating", Fraction = 0.85, Message = $"evaluating on {description}" });
            var evaluation = Compare(trainer, test, description, trainer.Evaluate(model, test.Select(p => p.Row())), registry.Current);
            evaluation.GroupsWithoutOutcome = leftOut;
            var version = new ModelVersion
            {
                Id = id, CreateTime = Timestamp.FromDateTime(created), Source = source,
                TrainingGroups = trainGroups, TrainingPairs = train.Count, TrainingSeconds = Math.Round(seconds, 2),
                Features = { FeatureVector.Names }, Evaluation = evaluation, Baseline = { Baseline(train) }, PairsReExtracted = reExtracted, PairsLeftOut = leftOutPairs, TakeUpByPosition = { takeUp },
                Acceptance = acceptance,
            };
            // Per held-out group: the new model's flat trees (the scores it serves with) against the ranker in force.
            var candidate = TreeEnsemble.From(model);
            var current = registry.Current;
            var perGroup = PromotionRule.PerGroup(test, p => candidate.Score(p.Features), p => current?.Score(p.Features) ?? p.HeuristicScore);
            version.Fairness = await fairness.CheckPromotionAsync(heldOut, p => candidate.Score(p.Features), p => current?.Score(p.Features) ?? p.HeuristicScore, cancellationToken);
            (version.Promoted, version.Decision) = new PromotionRule(options.Value.PromotionMargin).Decide(evaluation, perGroup, version.Fairness);
            await registry.SaveAsync(version, trainer.Save(model), acceptanceZip, cancellationToken);
            logger.LogInformation("Model {Model}: NDCG@10 {Ndcg:0.000}; {Decision}", version.Id, evaluation.Model.NdcgAt10, version.Decision);
            await report(new TrainModelProgress { Stage = version.Promoted ? "promoted" : "kept", Fraction = 1, Message = version.Decision, Model = version });
            return version;
        }
        finally
        {
            // A cancelled run's training cannot be stopped; the next run waits until it has ended.
            if (fit is { IsCompleted: false }) _ = fit.ContinueWith(_ => Volatile.Write(ref running, 0), TaskScheduler.Default);
            else Volatile.Write(ref running, 0);
        }
    }

    /// <summary>The current model beside the heuristic and a random order on held-out data.</summary>
    public async Task<ModelEvaluation> EvaluateAsync(TrainingSource source, int seed, int groups, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref evaluating, 1) == 1)
            throw Errors.FailedPrecondition("EVALUATION_IN_PROGRESS", "model", "an evaluation is in progress; try again when it has ended");
        try
        {
            var model = registry.Current ?? throw Errors.NotFound("model", "current");
            var (heldOut, description) = source == TrainingSource.Simulator
                ? (LabelledPairs.From(new OutcomeSimulator(seed).Groups(groups)), $"simulator seed {seed}")
                : (LabelledPairs.SplitByGroup((await outcomes.LoadAsync(cancellationToken)).Pairs).Test, "held-out outcomes");
            var (test, leftOut) = LabelledPairs.WithOutcomes(heldOut);
            if (test.Count == 0) throw NotEnoughOutcomes($"no held-out request group has an outcome yet ({leftOut} without one)");
            var trainer = new RankingTrainer();
            var evaluation = Compare(trainer, test, description, trainer.EvaluateScores(test.Select(p => p.Row((float)model.Score(p.Features)))), null);
            evaluation.GroupsWithoutOutcome = leftOut;
            return evaluation;
        }
        finally
        {
            Volatile.Write(ref evaluating, 0);
        }
    }

    /// <summary>How many request groups with an outcome training needs.</summary>
    public const int MinimumGroups = 50;

    private static Grpc.Core.RpcException NotEnoughOutcomes(string description) => Errors.FailedPrecondition("NOT_ENOUGH_OUTCOMES", "model", description);

    private async Task<(List<LabelledPair> Train, List<LabelledPair> Test, string Description, int ReExtracted, int LeftOut)> DataAsync(TrainingSource source, int seed,
        int groups, CancellationToken cancellationToken)
    {
        if (source == TrainingSource.Simulator)
        {
            var heldOut = seed + 1000;
            return (LabelledPairs.From(new OutcomeSimulator(seed).Groups(groups)),
                LabelledPairs.From(new OutcomeSimulator(heldOut).Groups(Math.Max(500, groups / 5))), $"simulator seed {heldOut}", 0, 0);
        }
        await impressions.FlushAsync(cancellationToken);
        var data = await outcomes.LoadAsync(cancellationToken);
        var (train, test) = LabelledPairs.SplitByGroup(data.Pairs);
        return (train, test, "held-out outcomes", data.ReExtracted, data.LeftOut);
    }

    private static ModelEvaluation Compare(RankingTrainer trainer, List<LabelledPair> test, string description, RankingQuality model, RankingModel? previous)
    {
        var random = new Random(17);
        return new ModelEvaluation
        {
            Data = description, Groups = test.Select(p => p.Group).Distinct().Count(), Model = Metrics(model),
            Heuristic = Metrics(trainer.EvaluateScores(test.Select(p => p.Row(p.HeuristicScore)))),
            Random = Metrics(trainer.EvaluateScores(test.Select(p => p.Row((float)random.NextDouble())))),
            PreviousModel = previous is null ? null : Metrics(trainer.EvaluateScores(test.Select(p => p.Row((float)previous.Score(p.Features))))),
        };
    }

    private static RankingMetrics Metrics(RankingQuality q) => new() { NdcgAt1 = Math.Round(q.Ndcg1, 4), NdcgAt3 = Math.Round(q.Ndcg3, 4), NdcgAt10 = Math.Round(q.Ndcg10, 4) };

    /// <summary>The median of each feature over the training pairs.</summary>
    private static IEnumerable<float> Baseline(List<LabelledPair> train) =>
        Enumerable.Range(0, FeatureVector.Length).Select(i => train.Select(p => p.Features[i]).Order().ElementAt(train.Count / 2));
}
