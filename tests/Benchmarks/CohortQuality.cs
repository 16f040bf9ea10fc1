using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// A simulated cohort with one shared pool of opportunities: the cohort's assignment beside
/// greedy's on the same graph, each weighed by the simulator's hidden utility, against the best
/// assignment in hindsight over every eligible pair; with the heuristic's quality, and with the
/// learned model in force, its acceptance model's calibrated probability the quality.
/// </summary>
public static class CohortQuality
{
    private const OpportunityKind Kind = OpportunityKind.WorkPlacement;

    public static void Run(Report report, SimulatorModel model, int newcomerCount, int opportunityCount, int seed = 42)
    {
        var cohort = new OutcomeSimulator(seed).Cohort(newcomerCount, opportunityCount, Kind);
        var matching = new InProcessMatching(cohort.Opportunities, cohort.Newcomers);
        var newcomers = cohort.Newcomers.Select(n => matching.Model.Newcomer(n.Id)!).ToArray();
        var opportunities = cohort.Opportunities.Select(o => matching.Model.Opportunity(o.Id)!).ToArray();
        var request = InProcessMatching.Request(Kind, newcomers, opportunities, CohortObjective.LeaveNoOneBehind);

        var best = Hindsight.Graph(matching, cohort, newcomers, opportunities);
        var hindsight = HiddenOutcome.Of(cohort, Hindsight.Pairs(best, CohortSolver.Solve(best, CohortObjective.QualityOnly)));
        var mostMatched = HiddenOutcome.Of(cohort, Hindsight.Pairs(best, CohortSolver.Solve(best, CohortObjective.LeaveNoOneBehind)));
        var heuristic = CohortOutcomes.Of(matching, request, cohort);
        matching.Ranker.Swap(model.RankingOnly);
        var promoted = matching.Assigner.Assign(request, _ => { }, CancellationToken.None);
        var samePairs = promoted.Pairs.Select(p => (p.NewcomerId, p.OpportunityId)).SequenceEqual(heuristic.Assignment.Pairs.Select(p => (p.NewcomerId, p.OpportunityId)));
        matching.Ranker.Swap(model.Model);
        var learned = CohortOutcomes.Of(matching, request, cohort);
        if (!learned.Assignment.QualityIsProbability) throw new InvalidOperationException($"the quality in force is {learned.Assignment.Quality}, not the acceptance model's");
        const string Acceptance = "acceptance model quality";

        var pool = $"{Report.Thousands(newcomerCount)} × {Report.Thousands(opportunityCount)}";
        report.Add($"simulated cohort {pool} (seed {seed}): {Report.Thousands(newcomerCount)} newcomers and one pool of {Report.Thousands(opportunityCount)} work placements with 1 to 3 places", "report",
            $"{Report.Thousands(heuristic.Assignment.Places)} places; {Report.Thousands(best.EligiblePairs)} eligible pairs, of which the cohort's graph holds " +
            $"{Report.Thousands(heuristic.Assignment.GraphPairs)} (each newcomer's best {request.PairsPerNewcomer} by the quality in force{GraphWithAcceptance(heuristic, learned)}); the best in hindsight chooses from all of them by the hidden utility. " +
            $"With the learned model's ranking alone in force (the heuristic's quality) the assignment is {(samePairs ? "the heuristic's, pair for pair" : "not the heuristic's")}");
        report.Add($"{pool}: newcomers matched, the cohort (leave no one behind) against greedy", "report",
            $"heuristic quality: {heuristic.MatchedLine()}; {Acceptance}: {learned.MatchedLine()}; in hindsight at most {Report.Thousands(mostMatched.Matched)} " +
            $"(the best utility matches {Report.Thousands(hindsight.Matched)})");
        report.Add($"{pool}: total hidden utility, and its share of the best assignment in hindsight (quality only on the hidden utility, every eligible pair)", "report",
            $"heuristic quality: {heuristic.UtilityLine(hindsight)}; {Acceptance}: {learned.UtilityLine(hindsight)}; best in hindsight {Report.Thousands(hindsight.Utility)}; " +
            $"the most matched in hindsight, then utility, {Report.Thousands(mostMatched.Utility)} ({mostMatched.ShareOf(hindsight)})");
        report.Add($"{pool}: matches the simulator would see taken up (grade 1 or more)", "report",
            $"heuristic quality: {heuristic.TakenUpLine()}; {Acceptance}: {learned.TakenUpLine()}; best in hindsight {Report.Thousands(hindsight.TakenUp)}, " +
            $"the most matched in hindsight {Report.Thousands(mostMatched.TakenUp)}");
    }

    /// <summary>The graph's pairs with the acceptance model's quality, beside the heuristic's.</summary>
    private static string GraphWithAcceptance(CohortOutcomes heuristic, CohortOutcomes learned) =>
        learned.Assignment.GraphPairs == heuristic.Assignment.GraphPairs ? ", as many with either" : $"; {Report.Thousands(learned.Assignment.GraphPairs)} with the acceptance model's";
}
