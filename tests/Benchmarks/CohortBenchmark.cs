using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// Cohort assignment in process: a cohort of 2,000 × 2,000 from the dense benchmark region against
/// 2,000 recommendations for the same newcomers (heuristic, then a learned model), a national cohort
/// of 10,000 × 10,000, and the quality of a simulated cohort by the simulator's hidden utility.
/// </summary>
public static class CohortBenchmark
{
    private const OpportunityKind Kind = OpportunityKind.WorkPlacement;

    public static void Run(string denseRegion, string nationalRegion, Report report, int size = 2000, int repetitions = 5, int seed = 42)
    {
        var model = Dense(denseRegion, report, size, repetitions, seed);
        GC.Collect();
        NationalCohort.Run(nationalRegion, report);
        GC.Collect();
        // A pool with about two places per newcomer, and one with about one.
        CohortQuality.Run(report, model, size, size, seed);
        CohortQuality.Run(report, model, size, size / 2, seed);
    }

    private static RankingModel Dense(string region, Report report, int size, int repetitions, int seed)
    {
        var matching = new InProcessMatching(BenchRegion.Opportunities(region), BenchRegion.Newcomers(region));
        var (newcomers, opportunities) = matching.Draw(Kind, size, size, seed);
        var timing = new CohortTiming(matching, newcomers, opportunities, Kind);
        var figure = $"a cohort of {Report.Thousands(size)} newcomers × {Report.Thousands(size)} work placements (1 to 3 places) of the dense region, best 50 pairs each, from request to the optimal assignment, " +
            $"against {Report.Thousands(size)} RecommendOpportunities in process for the same newcomers (work placements, top 20); medians of {repetitions}, alternating";

        var heuristic = timing.Run(repetitions);
        report.Add($"{figure}, heuristic", "≤ 1.5×", $"{Report.Ms(heuristic.Call)} against {Report.Ms(heuristic.Recommendations)}: {heuristic.Ratio:0.00}×; {heuristic.SizeLine()}");
        report.Add("its stages, heuristic (medians)", "report", heuristic.StageLine());

        var model = SimulatorModel.Train(seed);
        matching.Ranker.Use(model);
        var learned = timing.Run(repetitions);
        report.Add($"the same with a learned model in force (trained in process on 10,000 simulated requests; it ranks and explains, the quality stays {learned.Assignment.Quality})", "≤ 1.5×",
            $"{Report.Ms(learned.Call)} against {Report.Ms(learned.Recommendations)}: {learned.Ratio:0.00}×");
        report.Add("its stages, learned model (medians)", "report", learned.StageLine());

        // No model gives a pair quality yet; a stand-in times the path one will take (shortlist, then the model's quality per shortlisted pair).
        matching.Ranker.Use(model, new StandInQuality(model));
        var standIn = timing.Run(repetitions);
        report.Add($"the same with the model's score as the pair quality too (a stand-in: the heuristic shortlists {matching.Options.CurrentValue.ModelShortlist} per newcomer, the model's quality keeps the best 50)", "≤ 1.5×",
            $"{Report.Ms(standIn.Call)} against {Report.Ms(standIn.Recommendations)}: {standIn.Ratio:0.00}×; stages: {standIn.StageLine()}");
        return model;
    }
}
