using System.Diagnostics;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Benchmarks;

/// <summary>
/// RecommendOpportunities in process, the request mix of the standalone benchmark: newcomers drawn at
/// random (seed 7) from those given, every kind, top 20, no filter; 3,000 requests to warm up, then
/// 5,000 timed one after another.
/// </summary>
public static class InProcessRecommendations
{
    public static RecommendationFigures Run(Recommender recommender, IReadOnlyList<NewcomerEntry> entries, int warmUp = 3000, int requests = 5000)
    {
        var filter = new OpportunityFilter(new HashSet<string>(), false, 0);
        var random = new Random(7);
        for (var i = 0; i < warmUp; i++) recommender.ForNewcomer(entries[random.Next(entries.Count)], MatchingReadModel.AllKinds, 20, filter);
        var latencies = new List<double>();
        var eligible = new List<double>();
        var inReach = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var newcomer = entries[random.Next(entries.Count)];
            var start = Stopwatch.GetTimestamp();
            var response = recommender.ForNewcomer(newcomer, MatchingReadModel.AllKinds, 20, filter);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            eligible.Add(response.Eligible);
            inReach.Add(response.Considered - response.Removed.Where(c => c.Constraint is Constraint.OpenWithCapacity or Constraint.TravelDistance).Sum(c => c.Removed));
        }
        return new RecommendationFigures(Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 99), latencies.Average(), requests,
            Measure.Percentile(inReach, 50), Measure.Percentile(inReach, 99), Measure.Percentile(eligible, 50));
    }
}
