using System.Diagnostics;
using Newcomers.Contracts.V1;

namespace Newcomers.Benchmarks;

/// <summary>The measurements both benchmarks take the same way.</summary>
public static class Measure
{
    /// <summary>16 clients ask for recommendations for random newcomers, as fast as they can, for the given seconds.</summary>
    public static async Task<(double PerSecond, double P50, double P99)> RecommendUnderLoadAsync(MatchingService.MatchingServiceClient client,
        IReadOnlyList<string> newcomerIds, int seconds)
    {
        var latencies = new List<double>[16];
        var clock = Stopwatch.StartNew();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            var pick = new Random(worker);
            while (DateTime.UtcNow < until)
            {
                var start = Stopwatch.GetTimestamp();
                await client.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomerIds[pick.Next(newcomerIds.Count)], Limit = 20 });
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count / clock.Elapsed.TotalSeconds, Percentile(all, 50), Percentile(all, 99));
    }

    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];
    }
}
