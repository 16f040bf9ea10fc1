using Newcomers.Contracts.V1;

namespace Newcomers.Benchmarks;

/// <summary>
/// Cohort assignment in process: a cohort of 2,000 × 2,000 from the dense benchmark region against
/// 2,000 recommendations for the same newcomers (heuristic, then a learned model's ranking alone,
/// then the learned model with its acceptance model as the pair quality), a national cohort
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

    private static SimulatorModel Dense(string region, Report report, int size, int repetitions, int seed)
    {
        var matching = new InProcessMatching(BenchRegion.Opportunities(region), BenchRegion.Newcomers(region));
        var (newcomers, opportunities) = matching.Draw(Kind, size, size, seed);
        var timing = new CohortTiming(matching, newcomers, opportunities, Kind);
        var figure = $"a cohort of {Report.Thousands(size)} newcomers × {Report.Thousands(size)} work placements (1 to 3 places) of the dense region, best 50 pairs each, from request to the optimal assignment, " +
            $"against {Report.Thousands(size)} RecommendOpportunities in process for the same newcomers (work placements, top 20); medians of {repetitions}, alternating";

        var heuristic = timing.Run(repetitions);
        report.Add($"{figure}, heuristic", "≤ 1.5×", $"{Report.Ms(heuristic.Call)} against {Report.Ms(heuristic.Recommendations)}: {heuristic.Ratio:0.00}×; {heuristic.SizeLine()}");
        report.Add("its stages, heuristic (medians)", "report", heuristic.StageLine());

        var trained = SimulatorModel.Train(seed);
        if (trained.Model.Acceptance is null) throw new InvalidOperationException($"the acceptance model gives no quality: {trained.Acceptance.Decision}");
        var acceptance = trained.Acceptance;
        report.Add("the learned model: trained in process on 10,000 simulated requests as a training run trains it, the ranking trees and the acceptance model beside them", "report",
            $"acceptance model trained on {Report.Thousands(acceptance.TrainingPairs)} answered proposals and calibrated on {Report.Thousands(acceptance.CalibrationPairs)} more; " +
            $"on {Report.Thousands(acceptance.TestPairs)} held out ({acceptance.Data}) Brier {acceptance.Brier:0.0000} against the base rate's {acceptance.BaseRateBrier:0.0000}, " +
            $"ECE {acceptance.ExpectedCalibrationError:0.0000}: it gives the pair quality");

        matching.Ranker.Swap(trained.RankingOnly);
        var ranking = timing.Run(repetitions);
        report.Add($"the same with the learned model's ranking alone in force (a version without an acceptance model: it ranks and explains, the quality stays {ranking.Assignment.Quality})", "≤ 1.5×",
            $"{Report.Ms(ranking.Call)} against {Report.Ms(ranking.Recommendations)}: {ranking.Ratio:0.00}×");
        report.Add("its stages, learned ranking alone (medians)", "report", ranking.StageLine());

        matching.Ranker.Swap(trained.Model);
        var learned = timing.Run(repetitions);
        report.Add($"the same with the learned model in force, its acceptance model the pair quality ({learned.Assignment.Quality}, a calibrated probability: " +
            $"the heuristic shortlists {matching.Options.CurrentValue.ModelShortlist} per newcomer, the acceptance keeps the best 50)", "≤ 1.5×",
            $"{Report.Ms(learned.Call)} against {Report.Ms(learned.Recommendations)}: {learned.Ratio:0.00}×; {learned.SizeLine()}");
        report.Add("its stages, learned model (medians)", "report", learned.StageLine());
        return trained;
    }
}
