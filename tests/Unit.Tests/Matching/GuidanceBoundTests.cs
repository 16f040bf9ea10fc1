using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>
/// The arithmetic the PIP guidance relies on, on random pairs and every single change tried: a change
/// moves one fit, so the heuristic's score of the pair with it is the score now plus the change's gain,
/// and exactly the score of the pair extracted for the changed newcomer; the bounds of a spot and of a
/// block, at the most a single change of each kind moves them, are never under any single change's score.
/// </summary>
public sealed class GuidanceBoundTests
{
    private const double Rounding = 1e-12;

    [Fact]
    public void A_change_moves_the_score_by_its_gain_and_to_the_score_of_the_changed_newcomer()
    {
        var checkedPairs = 0;
        foreach (var (n, o, distance, changes) in Pairs())
        {
            var f = FeatureExtractor.Shared(FeatureExtractor.Optimistic(n, o, distance), n, o);
            var score = HeuristicRanker.Score(f);
            Assert.Equal(HeuristicRanker.Score(FeatureExtractor.Extract(n, o.Entry, distance, Today)), score);
            foreach (var change in changes)
            {
                var moved = FeatureExtractor.Moved(f, change.Kind, change.Changed, o);
                var exact = HeuristicRanker.Score(FeatureExtractor.Extract(change.Changed, o.Entry, distance, Today));
                Assert.Equal(exact, HeuristicRanker.Score(FeatureExtractor.Moving(f, change.Kind, moved)));
                Assert.Equal(exact, score + HeuristicRanker.Gain(f, change.Kind, moved), Rounding);
                Assert.True(HeuristicRanker.Gain(f, change.Kind, moved) >= -Rounding, $"{change.Kind} lowers the score of {o.Id}");
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 10_000, $"only {checkedPairs} changed pairs");
    }

    [Fact]
    public void The_most_a_single_change_of_a_kind_moves_a_spot_or_a_block_bounds_every_change_of_the_kind()
    {
        foreach (var (n, o, distance, changes) in Pairs())
        {
            var furthest = n with
            {
                Dutch = changes.Where(c => c.Kind == PipChangeKind.DutchLevel).Select(c => c.Changed.Dutch).DefaultIfEmpty(n.Dutch).Max(),
                MaxKm = ProfileChanges.WidestKm(n, changes),
                Hours = changes.Where(c => c.Kind == PipChangeKind.Hours).Select(c => c.Changed.Hours).DefaultIfEmpty(n.Hours).Max(),
            };
            var bound = FeatureExtractor.Optimistic(n, o, distance);
            var exact = FeatureExtractor.Shared(bound, n, o);
            var block = SpotBlock.Of([o], 0, 1);
            var blockBound = FeatureExtractor.Optimistic(n, block, distance);
            Assert.True(HeuristicRanker.Score(FeatureExtractor.SharingNothing(bound)) <= HeuristicRanker.Score(exact), "sharing nothing is the least");
            var mostGain = HeuristicRanker.MostGain(o.Kind, 1 - n.MaxKm / furthest.MaxKm);
            foreach (var change in changes)
            {
                var score = HeuristicRanker.Score(FeatureExtractor.Extract(change.Changed, o.Entry, distance, Today));
                Assert.True(score <= HeuristicRanker.Score(exact) + mostGain + Rounding, $"{change.Kind} gains more than the most any change gains");
                foreach (var (f, moved) in new[]
                {
                    (bound, FeatureExtractor.MostMoved(bound, n, furthest, o)), (exact, FeatureExtractor.MostMoved(exact, n, furthest, o)),
                    (blockBound, FeatureExtractor.MostMoved(blockBound, n, furthest, block)),
                })
                {
                    var gains = HeuristicRanker.Gains(f, moved);
                    var gain = change.Kind switch
                    {
                        PipChangeKind.TravelDistance => gains.Distance, PipChangeKind.DutchLevel => gains.Dutch, PipChangeKind.DayPart => gains.Schedule,
                        PipChangeKind.Hours => gains.Hours, _ => gains.Skills,
                    };
                    Assert.True(score <= HeuristicRanker.Score(f) + gain + Rounding, $"{change.Kind} ({change.Value}) for {o.Id}: {score} over the bound");
                }
            }
        }
    }

    private static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>Random newcomers and spots, each pair with every change tried and the skills the spot asks that the newcomer lacks.</summary>
    private static IEnumerable<(NewcomerEntry N, OpportunitySpot O, double Distance, List<ProfileChange> Changes)> Pairs()
    {
        var vocabulary = new Vocabulary();
        for (var seed = 0; seed < 6; seed++)
        {
            var region = new RandomRegion(seed);
            var spots = Enumerable.Range(0, 120).Select(i => new OpportunitySpot(OpportunityEntry.From(region.Opportunity(i), vocabulary, new PlaceCounter()))).ToArray();
            var newcomers = Enumerable.Range(0, 25).Select(i => NewcomerEntry.From(region.Newcomer(i), vocabulary)).ToArray();
            foreach (var n in newcomers)
            {
                var tried = ProfileChanges.Tried(n);
                var home = new Geo.From(n.Latitude, n.Longitude);
                foreach (var o in spots)
                {
                    var skills = o.Entry.Skills.Where(s => Array.BinarySearch(n.Skills, s) < 0)
                        .Select(s => new ProfileChange(PipChangeKind.Skill, s, n.WithSkill(s, vocabulary.Label(s)), vocabulary.Label(s)));
                    yield return (n, o, Math.Sqrt(home.SquaredKm(o.Latitude, o.Longitude)), [.. tried, .. skills]);
                }
            }
        }
    }
}
