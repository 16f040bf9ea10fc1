using Microsoft.ML.Data;
using Microsoft.ML;
using Newcomers.Matching.Learning;

namespace Newcomers.Unit.Tests.Matching;

public sealed class LearnedRankingTests
{
    [Fact]
    public void A_model_trained_on_simulated_outcomes_beats_the_heuristic_and_a_random_order_on_an_unseen_seed()
    {
        var trainer = new RankingTrainer();
        var model = trainer.Train(RankingRows.From(new OutcomeSimulator(seed: 42).Groups(3000)));

        var random = new Random(5);
        var test = new OutcomeSimulator(seed: 7).Groups(1000).ToList();
        var learned = trainer.Evaluate(model, RankingRows.From(test));
        var heuristic = trainer.EvaluateScores(RankingRows.From(test, p => (float)p.HeuristicScore));
        var shuffled = trainer.EvaluateScores(RankingRows.From(test, _ => (float)random.NextDouble()));

        Assert.True(learned.Ndcg10 >= heuristic.Ndcg10 + 0.05, $"model {learned.Ndcg10:0.000}, heuristic {heuristic.Ndcg10:0.000}");
        Assert.True(learned.Ndcg10 >= shuffled.Ndcg10 + 0.15, $"model {learned.Ndcg10:0.000}, random {shuffled.Ndcg10:0.000}");
    }

    [Fact]
    public void The_simulator_gives_the_same_outcomes_for_the_same_seed_and_grades_from_zero_to_four()
    {
        var first = new OutcomeSimulator(3).Groups(50).SelectMany(g => g.Pairs).Select(p => p.Label).ToList();
        var again = new OutcomeSimulator(3).Groups(50).SelectMany(g => g.Pairs).Select(p => p.Label).ToList();
        Assert.Equal(first, again);
        Assert.Equal([0, 1, 2, 3, 4], first.Distinct().Order());
    }
}

public sealed class TreeEnsembleTests
{
    [Fact]
    public void Walking_the_flat_trees_gives_the_scores_of_ML_NET()
    {
        var trainer = new RankingTrainer();
        var rows = RankingRows.From(new OutcomeSimulator(seed: 11).Groups(400));
        var model = trainer.Train(rows, trees: 40);
        var trees = TreeEnsemble.From(model);
        var scored = model.Transform(trainer.Context.Data.LoadFromEnumerable(rows));
        var expected = scored.GetColumn<float>("Score").ToList();
        Assert.Equal(40, trees.TreeCount);
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(expected[i], trees.Score(rows[i].Features), tolerance: 1e-4);
    }
}

public sealed class ContributionTests
{
    [Fact]
    public void Contributions_equal_the_score_lost_when_a_group_is_set_to_its_baseline()
    {
        var trainer = new RankingTrainer();
        var rows = RankingRows.From(new OutcomeSimulator(seed: 13).Groups(300));
        var trees = TreeEnsemble.From(trainer.Train(rows, trees: 30));
        var baseline = rows[0].Features.Select((_, i) => rows.Select(r => r.Features[i]).Order().ElementAt(rows.Count / 2)).ToArray();
        ulong[] groups = [0b11, 0b1100, 1UL << 5, (1UL << 8) | (1UL << 9)];
        var deltas = new double[groups.Length];
        foreach (var row in rows.Take(200))
        {
            trees.Contributions(row.Features, baseline, groups, deltas);
            for (var g = 0; g < groups.Length; g++)
            {
                var substituted = row.Features.Select((v, i) => (groups[g] >> i & 1) == 1 ? baseline[i] : v).ToArray();
                Assert.Equal(trees.Score(row.Features) - trees.Score(substituted), deltas[g], 9);
            }
        }
    }
}
