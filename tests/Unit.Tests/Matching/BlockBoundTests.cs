using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>
/// The per-block bound that lets a recommendation skip scoring whole blocks of spots: on random
/// data it is never below the per-spot bound of any spot in the block, nor, for spots that share no
/// signature bit, is the bound that leaves the sharing out; the cells keep their blocks whole.
/// </summary>
public sealed class BlockBoundTests
{
    [Fact]
    public void A_block_bound_is_at_least_the_bound_of_every_spot_in_it()
    {
        var vocabulary = new Vocabulary();
        for (var seed = 0; seed < 20; seed++)
        {
            var region = new RandomRegion(seed);
            var spots = Enumerable.Range(0, 300).Select(i => new OpportunitySpot(OpportunityEntry.From(region.Opportunity(i), vocabulary, new PlaceCounter()))).ToArray();
            var newcomers = Enumerable.Range(0, 40).Select(i => NewcomerEntry.From(region.Newcomer(i), vocabulary)).ToArray();
            foreach (var kind in MatchingReadModel.AllKinds)
            {
                var ofKind = spots.Where(s => s.Kind == kind).ToArray();
                for (var start = 0; start < ofKind.Length;)
                {
                    var length = Math.Min(ofKind.Length - start, 1 + region.Next(24));
                    var block = SpotBlock.Of(ofKind, start, length);
                    foreach (var n in newcomers)
                    {
                        var home = new Geo.From(n.Latitude, n.Longitude);
                        var nearest = Math.Sqrt(home.SquaredKmToBox(block.MinLatitude, block.MaxLatitude, block.MinLongitude, block.MaxLongitude));
                        var best = FeatureExtractor.Optimistic(n, block, nearest);
                        var sharingNothing = best with { SkillOverlap = 0, SkillShare = 0, SharedLanguages = 0, InterestOverlap = 0 };
                        for (var i = start; i < start + length; i++)
                        {
                            var distance = Math.Sqrt(home.SquaredKm(ofKind[i].Latitude, ofKind[i].Longitude));
                            Assert.True(nearest <= distance, "the box is nearer than anything in it");
                            var spot = HeuristicRanker.Score(FeatureExtractor.Optimistic(n, ofKind[i], distance));
                            Assert.True(HeuristicRanker.Score(best) >= spot, $"seed {seed}, {n.Id} and {ofKind[i].Id}: {HeuristicRanker.Score(best)} < {spot}");
                            if (!BlockBound.Shares(n, ofKind[i])) Assert.True(HeuristicRanker.Score(sharingNothing) >= spot);
                            // At a threshold just above a spot's bound, the gate may rule it out; just at or below, never.
                            var gate = BlockBound.Gate(n, block, nearest, spot);
                            Assert.True(gate == BlockScoring.Every || (gate == BlockScoring.SharingOnly && BlockBound.Shares(n, ofKind[i])),
                                $"seed {seed}: the gate {gate} rules out {ofKind[i].Id} at its own bound");
                        }
                    }
                    start += length;
                }
            }
        }
    }

    [Fact]
    public void The_gate_rules_blocks_out_above_their_bound()
    {
        var vocabulary = new Vocabulary();
        var region = new RandomRegion(3);
        var spots = Enumerable.Range(0, 64).Select(i => new OpportunitySpot(OpportunityEntry.From(region.Opportunity(i), vocabulary, new PlaceCounter())))
            .Where(s => s.Kind == OpportunityKind.WorkPlacement).ToArray();
        var block = SpotBlock.Of(spots, 0, spots.Length);
        var n = NewcomerEntry.From(region.Newcomer(1), vocabulary);
        var bound = HeuristicRanker.Score(FeatureExtractor.Optimistic(n, block, 1.0));
        Assert.Equal(BlockScoring.Every, BlockBound.Gate(n, block, 1.0, double.NegativeInfinity));
        Assert.Equal(BlockScoring.Every, BlockBound.Gate(n, block, 1.0, 0));
        Assert.NotEqual(BlockScoring.None, BlockBound.Gate(n, block, 1.0, bound));
        Assert.Equal(BlockScoring.None, BlockBound.Gate(n, block, 1.0, Math.BitIncrement(bound)));
    }

    [Fact]
    public void A_cell_keeps_its_spots_by_kind_and_occupation_in_blocks_of_one_kind_that_cover_it()
    {
        var vocabulary = new Vocabulary();
        var region = new RandomRegion(5);
        var grid = new SpatialGrid<OpportunitySpot, OpportunityCell>();
        var spots = Enumerable.Range(0, 3000).Select(i => new OpportunitySpot(OpportunityEntry.From(region.Opportunity(i), vocabulary, new PlaceCounter()))).ToList();
        spots.ForEach(grid.Add);
        foreach (var gone in spots.Where((_, i) => i % 7 == 0)) grid.Remove(gone);
        var cells = new List<OpportunityCell>();
        grid.CellsNear(52.15, 5.25, 100, cells);
        Assert.Equal(spots.Count - spots.Where((_, i) => i % 7 == 0).Count(), cells.Sum(c => c.Items.Length));
        Assert.Contains(cells, c => c.Blocks.Length > 3);
        foreach (var cell in cells)
        {
            var items = cell.Items;
            Assert.Equal(items.OrderBy(s => s.Kind).ThenBy(s => s.Occupation).Select(s => (s.Kind, s.Occupation)), items.Select(s => (s.Kind, s.Occupation)));
            Assert.Equal(Enumerable.Range(0, items.Length), cell.Blocks.SelectMany(b => Enumerable.Range(b.Start, b.Length)));
            Assert.All(cell.Blocks, b => Assert.InRange(b.Length, 1, OpportunityCell.BlockSize));
            Assert.All(cell.Blocks, b => Assert.All(items.Skip(b.Start).Take(b.Length), s => Assert.Equal(b.Kind, s.Kind)));
            var (minLatitude, maxLatitude, minLongitude, maxLongitude) = cell.Box;
            Assert.Equal((items.Min(s => s.Latitude), items.Max(s => s.Latitude), items.Min(s => s.Longitude), items.Max(s => s.Longitude)),
                (minLatitude, maxLatitude, minLongitude, maxLongitude));
        }
    }
}
