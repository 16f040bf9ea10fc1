using System.Diagnostics;

namespace Newcomers.Benchmarks;

/// <summary>
/// The national scale of issue 12 in one run: the dense region (50,000 × 10,000) and the national
/// one (250,000 × 100,000, 48 municipalities) side by side (<see cref="RegionScale"/>), each figure
/// against its goal as a ratio, after the bulk RPCs against the calls they replace (<see cref="BulkFeeds"/>).
/// </summary>
public static class NationalScale
{
    private const double MemoryLimit = 1.5e9;

    public static async Task RunAsync(string denseRegion, string nationalRegion, Report report)
    {
        var clock = Stopwatch.StartNew();
        System.Console.WriteLine("the bulk calls");
        var bulk = await BulkFeeds.RunAsync(BenchRegion.Opportunities(denseRegion).ToList(), BenchRegion.Newcomers(denseRegion).ToList());
        System.Console.WriteLine($"{bulk}\nthe dense region");
        var dense = await RegionScale.MeasureAsync(denseRegion);
        GC.Collect();
        System.Console.WriteLine("the national region");
        var national = await RegionScale.MeasureAsync(nationalRegion);

        report.Add("the regions, loaded through the API of the host process on a fresh store (a provider per municipality, BatchCreateOpportunities of 500, CreateNewcomer 16 concurrent, every commit fsynced)", "report",
            $"dense {dense.Size} in {dense.Municipalities} municipalities: {Loading(dense)}; national {national.Size} in {national.Municipalities} municipalities: {Loading(national)}");
        Memory(report, "resident memory of the host process once settled after loading the region through its API (VmRSS)", national.ResidentLoaded, dense.ResidentLoaded);
        Memory(report, "resident memory of the host process once settled after a restart on its data, the read model rebuilt (VmRSS, median of 3 restarts)", national.ResidentRestarted, dense.ResidentRestarted);
        var rebuild = national.RebuildMs / dense.RebuildMs;
        report.Add("the matching read model's rebuild at start: the host process restarted on its data, the rebuild as the host logs it (ReadModelLoader; median of 3 restarts)", "≤ 6× dense",
            $"national {Seconds(national.RebuildMs)}, dense {Seconds(dense.RebuildMs)}: {rebuild:0.0}× — {Verdict(rebuild <= 6)}; " +
            $"from process start to gRPC health SERVING national {Seconds(national.ServingMs)}, dense {Seconds(dense.ServingMs)} ({national.ServingMs / dense.ServingMs:0.0}×)");
        var (p50, p99) = (national.Recommendations.P50 / dense.Recommendations.P50, national.Recommendations.P99 / dense.Recommendations.P99);
        report.Add("RecommendOpportunities in process, top 20, heuristic, the standalone benchmark's mix (5,000 requests for random newcomers after 3,000 to warm up), the host in this process on the region's data", "≤ 2× dense at p50 and p99",
            $"p50 national {Report.Ms(national.Recommendations.P50)}, dense {Report.Ms(dense.Recommendations.P50)}: {p50:0.00}×; p99 national {Report.Ms(national.Recommendations.P99)}, dense {Report.Ms(dense.Recommendations.P99)}: {p99:0.00}× — {Verdict(p50 <= 2 && p99 <= 2)} " +
            $"(open opportunities in reach: at the median national {Report.Thousands(national.Recommendations.MedianInReach)}, dense {Report.Thousands(dense.Recommendations.MedianInReach)}, " +
            $"{InReach(national.Recommendations.MedianInReach, dense.Recommendations.MedianInReach)}; at p99 national {Report.Thousands(national.Recommendations.P99InReach)}, dense {Report.Thousands(dense.Recommendations.P99InReach)}, " +
            $"{InReach(national.Recommendations.P99InReach, dense.Recommendations.P99InReach)}; eligible at the median {Report.Thousands(national.Recommendations.MedianEligible)} and {Report.Thousands(dense.Recommendations.MedianEligible)})");
        var sync = bulk.FirstSync / bulk.BatchCreate;
        report.Add("a full feed of the dense region's 50,000 opportunities for one provider through SyncOpportunities (chunks of 1000), fresh store, against BatchCreateOpportunities of the same 50,000 (batches of 500), another fresh store", "≤ 1×",
            $"{bulk.FirstSync:0.0} s against {bulk.BatchCreate:0.0} s: {sync:0.00}× — {Verdict(sync <= 1)}");
        var resync = bulk.Resync / bulk.FirstSync;
        report.Add("the same feed sent again, all 50,000 unchanged", "≤ 0.25× the first send",
            $"{bulk.Resync:0.00} s against {bulk.FirstSync:0.0} s: {resync:0.00}× — {Verdict(resync <= 0.25)}");
        var import = bulk.Import / bulk.Creates;
        report.Add($"CSV import of the dense region's 10,000 newcomers through ImportNewcomers (one file of {bulk.CsvBytes / 1048576.0:0.0} MiB in pieces of 256 KB), against CreateNewcomer for each, 16 concurrent (each after its opportunities above)", "≤ 1×",
            $"{bulk.Import:0.0} s against {bulk.Creates:0.0} s: {import:0.00}× — {Verdict(import <= 1)}");
        report.Add("the whole run", "report", $"{clock.Elapsed.TotalMinutes:0.0} minutes");
    }

    private static void Memory(Report report, string figure, long national, long dense)
    {
        var ratio = (double)national / dense;
        report.Add(figure, "≤ 1.5 GB, ≤ 6× dense",
            $"national {Mib(national)}, dense {Mib(dense)}: {ratio:0.0}× — {Verdict(national <= MemoryLimit && ratio <= 6)}");
    }

    private static string Loading(RegionFigures r) =>
        $"opportunities {r.OpportunitySeconds:0} s ({Report.Thousands(r.Opportunities / r.OpportunitySeconds)}/s), newcomers {r.NewcomerSeconds:0} s ({Report.Thousands(r.Newcomers / r.NewcomerSeconds)}/s); store {Mib(r.StoreBytes)} on disk";

    private static string InReach(double national, double dense) => $"{national / dense:0.00}×";

    private static string Mib(long bytes) => $"{Report.Thousands(bytes / 1048576.0)} MiB";

    private static string Seconds(double ms) => $"{ms / 1000:0.00} s";

    private static string Verdict(bool met) => met ? "met" : "missed";
}
