using Google.Protobuf.WellKnownTypes;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

public sealed class ModelLifecycleTests
{
    private static RankingMetrics At10(double ndcg) => new() { NdcgAt10 = ndcg };

    [Theory]
    [InlineData(0.70, 0.65, null, true)]
    [InlineData(0.64, 0.65, null, false)]
    [InlineData(0.70, 0.65, 0.72, false)]
    [InlineData(0.70, 0.65, 0.70, false)]
    [InlineData(0.75, 0.65, 0.72, true)]
    public void A_model_is_promoted_only_when_it_beats_the_heuristic_and_the_ranker_in_force(double model, double heuristic, double? current, bool promoted)
    {
        var evaluation = new ModelEvaluation { Model = At10(model), Heuristic = At10(heuristic), Random = At10(0.5), PreviousModel = current is null ? null : At10(current.Value) };
        var against = current ?? heuristic;
        // 400 held-out groups whose gains vary around the gain the totals show.
        var random = new Random(3);
        var groups = Enumerable.Range(0, 400).Select(_ => (New: model + (random.NextDouble() - 0.5) * 0.1, Current: against)).ToList();
        Assert.Equal(promoted, new PromotionRule(0.01).Decide(evaluation, groups).Promote);
    }

    [Fact]
    public void A_gain_under_the_margin_or_one_the_groups_do_not_bear_out_is_kept_back_and_the_decision_says_why()
    {
        var evaluation = new ModelEvaluation { Model = At10(0.705), Heuristic = At10(0.60), Random = At10(0.5), PreviousModel = At10(0.70) };
        var rule = new PromotionRule(0.01);
        var small = Enumerable.Range(0, 400).Select(i => (New: 0.705 + (i % 2 == 0 ? 0.01 : -0.01), Current: 0.70)).ToList();
        var (promoted, decision) = rule.Decide(evaluation, small);
        Assert.False(promoted);
        Assert.Contains("under the margin", decision);
        Assert.Contains("95% interval", decision);

        // A gain of 0.02 on average, but carried by a few groups: resampling them often finds none.
        var noisy = Enumerable.Range(0, 40).Select(i => (New: i < 2 ? 1.0 : 0.70, Current: 0.70)).ToList();
        var (gain, low, high) = rule.PairedBootstrap(noisy);
        Assert.True(gain >= 0.01 && low <= 0 && high > gain, $"gain {gain}, interval {low} to {high}");
        Assert.Contains("does not clear zero", rule.Decide(new ModelEvaluation(evaluation) { Model = At10(0.72) }, noisy).Decision);

        var clear = Enumerable.Range(0, 400).Select(i => (New: 0.73 + (i % 2 == 0 ? 0.01 : -0.01), Current: 0.70)).ToList();
        var promotion = rule.Decide(new ModelEvaluation(evaluation) { Model = At10(0.73) }, clear);
        Assert.True(promotion.Promote, promotion.Decision);
        Assert.StartsWith("promoted: NDCG@10 0.730 against the current model's 0.700: a gain of +0.030", promotion.Decision);
    }

    [Fact]
    public void A_model_of_the_first_feature_set_still_ranks_and_explains_after_the_upgrade()
    {
        // Trained without the second set's features, with the first set's 19 baseline values, as models stored before it were.
        var trainer = new RankingTrainer();
        var rows = RankingRows.From(new OutcomeSimulator(seed: 9).Groups(300));
        foreach (var row in rows) Array.Clear(row.Features, FeatureVector.FirstSetLength, FeatureVector.Length - FeatureVector.FirstSetLength);
        var version = new ModelVersion
        {
            Id = "model-first-set", Baseline = { Enumerable.Range(0, FeatureVector.FirstSetLength).Select(i => rows.Select(r => r.Features[i]).Order().ElementAt(rows.Count / 2)) },
        };
        var model = ModelRegistry.Build(version, trainer.Save(trainer.Train(rows, trees: 20)));

        var vocabulary = new Vocabulary();
        var f = FeatureExtractor.Extract(NewcomerEntry.From(Sample.Newcomer(), vocabulary), OpportunityEntry.From(Sample.Opportunity("o", 2), vocabulary, new PlaceCounter()), 2, new DateOnly(2026, 1, 5));
        Assert.True(double.IsFinite(model.Score(f)));
        Assert.Equal(FeatureVector.Reasons.Select(r => r.Kind), model.Contributions(f).Select(c => c.Kind));
        Assert.All(model.Contributions(f), c => Assert.True(double.IsFinite(c.Contribution)));
    }

    [Fact]
    public void Per_group_ndcg_averages_to_what_ml_net_reports()
    {
        var groups = new OutcomeSimulator(seed: 4).Groups(300).ToList();
        var pairs = LabelledPairs.From(groups);
        var perGroup = PromotionRule.PerGroup(pairs, p => p.HeuristicScore, p => p.HeuristicScore);
        var reported = new RankingTrainer().EvaluateScores(LabelledPairs.WithOutcomes(pairs).WithOutcome.Select(p => p.Row(p.HeuristicScore))).Ndcg10;
        Assert.Equal(reported, perGroup.Average(g => g.New), 3);
    }

    [Theory]
    [InlineData(MatchState.Proposed, 1)]
    [InlineData(MatchState.Accepted, 2)]
    [InlineData(MatchState.Started, 3)]
    [InlineData(MatchState.Completed, 4)]
    [InlineData(MatchState.Declined, 0)]
    public void Outcomes_grade_from_declined_to_completed(MatchState state, int grade) =>
        Assert.Equal(grade, OutcomeLabels.Grade(new Match { State = state }));

    [Fact]
    public void An_ended_match_counts_as_far_as_it_got()
    {
        var now = Timestamp.FromDateTime(DateTime.UtcNow);
        var started = new Match { State = MatchState.Ended, History = { new StateChange { State = MatchState.Accepted, Time = now }, new StateChange { State = MatchState.Started, Time = now } } };
        var neverStarted = new Match { State = MatchState.Ended, History = { new StateChange { State = MatchState.Accepted, Time = now } } };
        Assert.Equal((3, 2), (OutcomeLabels.Grade(started), OutcomeLabels.Grade(neverStarted)));
    }

    [Fact]
    public void Swapping_in_a_model_changes_the_next_ranking_and_its_reasons_come_from_the_model()
    {
        var model = new MatchingReadModel();
        model.Apply(Sample.Newcomer("n1"));
        for (var i = 0; i < 30; i++) model.Apply(Sample.Opportunity($"o{i:00}", 0.3 * i + 0.2, o => o.Occupation = $"{7500 + i}"));
        var ranker = new CurrentRanker();
        var recommender = new Recommender(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System, ranker);
        var filter = new OpportunityFilter(new HashSet<string>(), false, 0);
        Assert.Equal(HeuristicRanker.Name, recommender.ForNewcomer(model.Newcomer("n1")!, MatchingReadModel.AllKinds, 5, filter).Ranker);

        var learned = Train();
        ranker.Swap(learned);
        var response = recommender.ForNewcomer(model.Newcomer("n1")!, MatchingReadModel.AllKinds, 5, filter);

        Assert.Equal(learned.Id, response.Ranker);
        var scores = response.Suggestions.Select(s => s.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        foreach (var suggestion in response.Suggestions)
        {
            Assert.InRange(suggestion.Reasons.Count, 2, 5);
            var o = model.Opportunity(suggestion.OpportunityId)!;
            var n = model.Newcomer("n1")!;
            var features = FeatureExtractor.Extract(n, o, suggestion.DistanceKm, DateOnly.FromDateTime(DateTime.UtcNow));
            var expected = learned.Contributions(features).Where(c => c.Contribution > 0.004).OrderByDescending(c => c.Contribution).Select(c => c.Kind).Take(5);
            if (expected.Count() >= 2) Assert.Equal(expected, suggestion.Reasons.Select(r => r.Kind));
        }
    }

    [Fact]
    public async Task When_two_replicas_promote_at_once_both_end_up_ranking_with_the_model_the_store_kept()
    {
        await using var store = TempMatchStore.Open();
        var (first, second) = (new CurrentRanker(), new CurrentRanker());
        using var one = new ModelRegistry(store, first, Microsoft.Extensions.Logging.Abstractions.NullLogger<ModelRegistry>.Instance);
        using var other = new ModelRegistry(store, second, Microsoft.Extensions.Logging.Abstractions.NullLogger<ModelRegistry>.Instance);
        var trained = Train();
        var zip = new RankingTrainer().Save(new RankingTrainer().Train(LabelledPairs.From(new OutcomeSimulator(5).Groups(300)).Select(p => p.Row()), trees: 10));

        await one.SaveAsync(new ModelVersion(trained.Version) { Id = "m1", Promoted = true }, zip, null, CancellationToken.None);
        await other.SaveAsync(new ModelVersion(trained.Version) { Id = "m2", Promoted = true }, zip, null, CancellationToken.None);
        // Each replica gets both promotions, the later one first.
        foreach (var registry in new[] { one, other })
            foreach (var id in new[] { "m2", "m1" })
                await registry.HandleAsync(Newcomers.BuildingBlocks.Events.IntegrationEvents.Of(new ModelPromoted { ModelId = id }), CancellationToken.None);

        Assert.Equal(("m2", "m2"), (first.Model!.Version.Id, second.Model!.Version.Id));
    }

    private static RankingModel Train()
    {
        var trainer = new RankingTrainer();
        var pairs = LabelledPairs.From(new OutcomeSimulator(5).Groups(600));
        var version = new ModelVersion { Id = "model-test", Baseline = { Enumerable.Range(0, FeatureVector.Length).Select(i => pairs.Select(p => p.Features[i]).Order().ElementAt(pairs.Count / 2)) } };
        return ModelRegistry.Build(version, trainer.Save(trainer.Train(pairs.Select(p => p.Row()), trees: 30)));
    }
}
