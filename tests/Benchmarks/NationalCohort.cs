using System.Diagnostics;
using Newcomers.Contracts.V1;

namespace Newcomers.Benchmarks;

/// <summary>
/// A national cohort: the national region (48 municipalities) in one read model, and one cohort of
/// 10,000 newcomers and 10,000 work placements drawn from it; the call's time by stage, and what it
/// costs in memory.
/// </summary>
public static class NationalCohort
{
    private const OpportunityKind Kind = OpportunityKind.WorkPlacement;

    public static void Run(string region, Report report, int size = 10_000, int repetitions = 3, int seed = 42)
    {
        var clock = Stopwatch.StartNew();
        var matching = new InProcessMatching(BenchRegion.Opportunities(region), BenchRegion.Newcomers(region));
        var loading = clock.Elapsed.TotalSeconds;
        var (newcomers, opportunities) = matching.Draw(Kind, size, size, seed);
        var (_, memory) = MemoryUse.Around(() => matching.Assign(Kind, newcomers, opportunities));
        report.Add($"the national region ({Report.Thousands(matching.Model.OpportunityCount)} opportunities, {Report.Thousands(matching.Model.NewcomerCount)} newcomers, 48 municipalities) into one read model from its records", "report",
            $"{loading:0.0} s; resident {Process.GetCurrentProcess().WorkingSet64 / 1048576} MiB with it loaded (managed heap {GC.GetTotalMemory(true) / 1048576} MiB)");

        var figures = new CohortTiming(matching, newcomers, opportunities, Kind).Run(repetitions);
        report.Add($"a national cohort of {Report.Thousands(size)} newcomers × {Report.Thousands(size)} work placements (1 to 3 places), best 50 pairs each, heuristic: the whole call (median of {repetitions})", "report",
            $"{figures.Call / 1000:0.00} s; {Report.Thousands(size)} recommendations for the same newcomers {figures.Recommendations / 1000:0.00} s ({figures.Ratio:0.00}×); {figures.SizeLine()}");
        report.Add("its stages (medians)", "report", figures.StageLine());
        report.Add("its memory (one call, measured around it)", "report", memory.ToString());
    }
}
