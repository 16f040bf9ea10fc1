namespace Newcomers.Benchmarks;

/// <summary>
/// A quick check of the national recommendation goal, without host processes: the dense and the
/// national region each in a read model of their own, filled from records (<see cref="InProcessMatching"/>),
/// and <see cref="InProcessRecommendations"/> on each in turn, three rounds, the medians of the
/// rounds' percentiles. The figures that count are those of <see cref="NationalScale"/>.
/// </summary>
public static class RecommendationScale
{
    public static void Run(string denseRegion, string nationalRegion, int rounds = 3)
    {
        var dense = new InProcessMatching(BenchRegion.Opportunities(denseRegion), BenchRegion.Newcomers(denseRegion));
        var national = new InProcessMatching(BenchRegion.Opportunities(nationalRegion), BenchRegion.Newcomers(nationalRegion));
        var (denseNewcomers, nationalNewcomers) = (InFileOrder(dense, denseRegion), InFileOrder(national, nationalRegion));
        var figures = new List<(RecommendationFigures Dense, RecommendationFigures National)>();
        for (var round = 0; round < rounds; round++)
        {
            var d = InProcessRecommendations.Run(dense.Recommender, denseNewcomers);
            var n = InProcessRecommendations.Run(national.Recommender, nationalNewcomers);
            figures.Add((d, n));
            System.Console.WriteLine($"round {round + 1}: p50 national {Report.Ms(n.P50)}, dense {Report.Ms(d.P50)}: {n.P50 / d.P50:0.00}×; " +
                $"p99 national {Report.Ms(n.P99)}, dense {Report.Ms(d.P99)}: {n.P99 / d.P99:0.00}× (in reach at p99 {Report.Thousands(n.P99InReach)} and {Report.Thousands(d.P99InReach)})");
        }
        double Median(Func<(RecommendationFigures Dense, RecommendationFigures National), double> ratio) => Measure.Percentile(figures.Select(ratio).ToList(), 50);
        System.Console.WriteLine($"median of {rounds} rounds: p50 {Median(f => f.National.P50 / f.Dense.P50):0.00}×, p99 {Median(f => f.National.P99 / f.Dense.P99):0.00}× (goal ≤ 2× each)");
    }

    // As RegionScale draws them: in the order of the region's file.
    private static List<Newcomers.Matching.Domain.NewcomerEntry> InFileOrder(InProcessMatching matching, string region) =>
        BenchRegion.Newcomers(region).Select(n => matching.Model.Newcomer(n.Id)!).ToList();
}
