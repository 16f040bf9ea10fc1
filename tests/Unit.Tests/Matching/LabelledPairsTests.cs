using Newcomers.Matching.Learning;

namespace Newcomers.Unit.Tests.Matching;

public sealed class LabelledPairsTests
{
    private static LabelledPair Pair(uint group, float label, uint splitKey) => new(group, label, new float[FeatureVector.Length], 0, splitKey, 1);

    [Fact]
    public void Every_list_for_the_same_newcomer_falls_on_the_same_side_whatever_its_request_id()
    {
        var pairs = Enumerable.Range(0, 2000).Select(i => Pair((uint)Random.Shared.Next(), i % 2, (uint)(i % 100))).ToList();
        var (train, test) = LabelledPairs.SplitByGroup(pairs);

        Assert.Empty(train.Select(p => p.SplitKey).Intersect(test.Select(p => p.SplitKey)));
        Assert.InRange(test.Select(p => p.SplitKey).Distinct().Count(), 10, 35);
        Assert.Equal(test, LabelledPairs.SplitByGroup(pairs.AsEnumerable().Reverse().ToList()).Test.AsEnumerable().Reverse());
    }

    [Fact]
    public void The_calibration_split_takes_about_one_training_key_in_five_and_no_key_is_on_both_sides()
    {
        var pairs = Enumerable.Range(0, 20_000).Select(i => Pair((uint)i, 1, (uint)(i % 5000) * 7919u)).ToList();
        var (train, _) = LabelledPairs.SplitByGroup(pairs);
        var (fit, calibration) = LabelledPairs.SplitForCalibration(train);

        Assert.Empty(fit.Select(p => p.SplitKey).Intersect(calibration.Select(p => p.SplitKey)));
        Assert.Equal(train.Count, fit.Count + calibration.Count);
        // A hash of its own: among the keys training keeps, still about one in five.
        Assert.InRange(calibration.Select(p => p.SplitKey).Distinct().Count() / (double)train.Select(p => p.SplitKey).Distinct().Count(), 0.17, 0.23);
    }

    [Fact]
    public void Simulated_pairs_graded_one_or_more_are_answered_proposals_accepted_from_grade_two()
    {
        var pairs = LabelledPairs.From(new OutcomeSimulator(2).Groups(50));
        Assert.All(pairs, p => Assert.Equal(p.Label >= 1, p.Proposal is not null));
        Assert.All(pairs.Where(p => p.Proposal is not null), p => Assert.Equal(p.Label >= 2, p.Proposal!.Accepted));
        Assert.Equal(pairs.Count(p => p.Label >= 1), LabelledPairs.Proposals(pairs).Count);
    }

    [Fact]
    public void Groups_in_which_nothing_was_taken_up_are_left_out_and_counted()
    {
        var pairs = new[] { Pair(1, 0, 1), Pair(1, 2, 1), Pair(2, 0, 2), Pair(2, 0, 2), Pair(3, 0, 3) };
        var (withOutcome, leftOut) = LabelledPairs.WithOutcomes(pairs);
        Assert.Equal([1u, 1u], withOutcome.Select(p => p.Group));
        Assert.Equal(2, leftOut);
    }
}
