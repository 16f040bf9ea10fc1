using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>
/// The recommender's pruning (cells nearest first, blocks whose bound cannot enter the top list
/// checked and counted but never scored) against a brute force over every opportunity the read
/// model holds: for hundreds of random newcomers, limits and filters on a random region, the same
/// suggestions in the same order with the same scores and distances, and the same counts.
/// </summary>
public sealed class RecommenderEquivalenceTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public void Every_answer_is_the_brute_force_answer()
    {
        var model = new MatchingReadModel();
        var region = new RandomRegion(11);
        for (var i = 0; i < 6000; i++) model.Apply(region.Opportunity(i));
        var newcomers = Enumerable.Range(0, 400).Select(region.Newcomer).ToList();
        newcomers.ForEach(n => model.Apply(n));
        for (var i = 0; i < 600; i++)
            model.Apply(new Match { Id = $"m{i}", Version = 1, NewcomerId = $"n{region.Next(400)}", OpportunityId = $"o{region.Next(6000)}",
                State = region.Pick([MatchState.Declined, MatchState.Proposed, MatchState.Accepted]) });
        // Later snapshots of some places: moved, closed or reopened, as writers replace cells.
        for (var i = 0; i < 300; i++)
        {
            var again = region.Opportunity(region.Next(6000));
            again.Version = 2;
            model.Apply(again);
        }
        var options = new MatchingOptions();
        var recommender = new Recommender(model, new RecommenderTests.StaticOptions(options), TimeProvider.System);
        var ruledOut = 0;
        foreach (var newcomer in newcomers)
        {
            var n = model.Newcomer(newcomer.Id)!;
            var limit = region.Pick([1, 5, 20, 20, 50]);
            var filter = region.Next(4) switch
            {
                0 => new OpportunityFilter(new HashSet<string>(), false, region.Pick([1.0, 4, 8])),
                1 => new OpportunityFilter(new HashSet<string> { "GM0342" }, false, 0),
                2 => new OpportunityFilter(new HashSet<string>(), true, 0),
                _ => new OpportunityFilter(new HashSet<string>(), false, 0),
            };
            var response = recommender.ForNewcomer(n, MatchingReadModel.AllKinds, limit, filter);
            var (expected, considered, eligible, removed) = BruteForce(model, n, limit, filter, options);
            Assert.Equal(considered, response.Considered);
            Assert.Equal(eligible, response.Eligible);
            Assert.Equal(removed, response.Removed.Select(c => (c.Constraint, c.Removed)));
            Assert.Equal(expected.Select(e => (e.Id, Math.Round(e.Score, 4), Math.Round(e.Distance, 2))),
                response.Suggestions.Select(s => (s.OpportunityId, s.Score, s.DistanceKm)));
            if (response.Suggestions.Count == limit) ruledOut += RuledOutBlocks(model, n, Eligibility.Reach(n, filter), expected[^1].Score);
        }
        // The region is dense enough that the pruning is at work, not only the brute force's equal.
        Assert.True(ruledOut > 1000, $"only {ruledOut} blocks were ruled out");
    }

    private static (List<(string Id, double Score, double Distance)> Top, int Considered, int Eligible, List<(Constraint, int)> Removed) BruteForce(
        MatchingReadModel model, NewcomerEntry n, int limit, OpportunityFilter filter, MatchingOptions options)
    {
        var eligibility = new Eligibility(options.MaxDutchStepsBelow, Today);
        var home = new Geo.From(n.Latitude, n.Longitude);
        var reach = Eligibility.Reach(n, filter);
        var candidates = new List<(string Id, double Score, double Distance)>();
        int considered = 0, eligible = 0;
        foreach (var kind in MatchingReadModel.AllKinds)
            foreach (var o in model.Opportunities(kind))
            {
                considered++;
                if (!o.TakesNewcomers)
                {
                    eligibility.Remove(Constraint.OpenWithCapacity);
                    continue;
                }
                var squared = home.SquaredKm(o.Latitude, o.Longitude);
                if (!Eligibility.InReach(squared, reach))
                {
                    eligibility.Remove(Constraint.TravelDistance);
                    continue;
                }
                // The grid's spot decides a buddy's wishes and places as the entry's own rule does.
                if (o.Kind == OpportunityKind.LanguageBuddy) Assert.Equal(Eligibility.BuddyFits(n, o), Eligibility.BuddyFits(n, new OpportunitySpot(o)));
                var failed = eligibility.Check(n, new OpportunitySpot(o), model.PairsOf(n.Id), filter);
                if (failed != Constraint.Unspecified)
                {
                    eligibility.Remove(failed);
                    continue;
                }
                eligible++;
                var distance = Math.Sqrt(squared);
                candidates.Add((o.Id, HeuristicRanker.Score(FeatureExtractor.Extract(n, o, distance, Today)), distance));
            }
        var top = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal).Take(limit).ToList();
        return (top, considered, eligible, [.. eligibility.Removed(Eligibility.ForNewcomerCounted).Select(c => (c.Constraint, c.Removed))]);
    }

    /// <summary>The blocks within reach whose bound is below the final threshold: those the recommender need not score.</summary>
    private static int RuledOutBlocks(MatchingReadModel model, NewcomerEntry n, double reach, double threshold)
    {
        var home = new Geo.From(n.Latitude, n.Longitude);
        var cells = new List<OpportunityCell>();
        foreach (var kind in MatchingReadModel.AllKinds) model.TakingOpportunities(kind).CellsNear(n.Latitude, n.Longitude, reach, cells);
        return cells.SelectMany(c => c.Blocks).Count(b =>
        {
            var nearest = home.SquaredKmToBox(b.MinLatitude, b.MaxLatitude, b.MinLongitude, b.MaxLongitude);
            return Eligibility.InReach(nearest, reach) && BlockBound.Gate(n, b, Math.Sqrt(nearest), threshold) == BlockScoring.None;
        });
    }
}
