using Newcomers.Matching.Learning;

namespace Newcomers.Unit.Tests.Matching;

public sealed class PositionBiasTests
{
    [Fact]
    public void Take_up_is_measured_per_place_and_only_what_was_taken_up_low_in_the_list_weighs_more()
    {
        LabelledPair Pair(int position, float label) => new(1, label, new float[FeatureVector.Length], 0, 1, position);
        var pairs = new[] { Pair(1, 2), Pair(1, 0), Pair(2, 1), Pair(2, 0), Pair(2, 0), Pair(2, 0), Pair(3, 0) };

        var takeUp = PositionBias.TakeUp(pairs);
        Assert.Equal([0.5, 0.25, 0], takeUp.Take(3));
        Assert.Equal([1f, 1f, 2f, 1f, 1f, 1f, 1f], PositionBias.Weights(pairs, takeUp));
    }

    [Fact]
    public void Without_a_position_effect_the_simulator_shows_what_each_pair_deserved()
    {
        var pairs = new OutcomeSimulator(3).Groups(50).SelectMany(g => g.Pairs).ToList();
        Assert.All(pairs, p => Assert.Equal(p.TrueLabel, p.Label));
        Assert.Equal(Enumerable.Range(1, 20), new OutcomeSimulator(3).Groups(1).Single().Pairs.Select(p => p.Position).Order());
    }

    [Fact]
    public void Inverse_propensity_weights_recover_part_of_what_the_position_effect_hides()
    {
        // Lists with a strong position effect: lower places are looked at less, so fewer of them are taken up.
        var train = LabelledPairs.From(new OutcomeSimulator(42, positionBias: 1).Groups(3000));
        var takeUp = PositionBias.TakeUp(train);
        Assert.True(takeUp[0] > 3 * takeUp[9], $"take-up {takeUp[0]} at the top, {takeUp[9]} at place 10");

        // Judged on what the held-out pairs deserved, not on what was seen of them.
        var heldOut = new OutcomeSimulator(7, positionBias: 1).Groups(1000).ToList();
        var truth = heldOut.SelectMany(g => g.Pairs.Select(p => new RankingRow { Group = (uint)g.Id, Label = p.TrueLabel, Features = FeatureVector.From(p.Features) })).ToList();
        var trainer = new RankingTrainer();
        var plain = trainer.Evaluate(trainer.Train(train.Select(p => p.Row())), truth).Ndcg10;
        var weights = PositionBias.Weights(train, takeUp);
        var weighted = trainer.Evaluate(trainer.Train(train.Select((p, i) => p.Row(weight: weights[i])), weighted: true), truth).Ndcg10;

        // Measured: 0.851 without weights, 0.861 with them (docs/ranking.md).
        Assert.True(weighted >= plain + 0.005, $"NDCG@10 on what the pairs deserved: {plain:0.000} without weights, {weighted:0.000} with them");
    }
}
