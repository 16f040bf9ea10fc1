using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// A simulated cohort's assignment by the quality in force, weighed by the hidden utility: the
/// cohort's (leave no one behind), and quality only's and greedy's on the same graph.
/// </summary>
public sealed record CohortOutcomes(CohortAssignment Assignment, HiddenOutcome Cohort, HiddenOutcome QualityOnly, HiddenOutcome Greedy)
{
    public static CohortOutcomes Of(InProcessMatching matching, CohortRequest request, SimulatedCohort cohort)
    {
        var assignment = matching.Assigner.Assign(request, _ => { }, CancellationToken.None);
        // Greedy's pairs and quality only's are not in the assignment: solve its graph again, and check it is the same graph.
        var graph = matching.Graph(request);
        var greedy = GreedyAssignment.Solve(graph);
        var chosen = Hindsight.Pairs(graph, CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind)).ToHashSet();
        if (!chosen.SetEquals(assignment.Pairs.Select(p => (p.NewcomerId, p.OpportunityId))) || greedy.Score(graph).Matched != assignment.Greedy.Matched)
            throw new InvalidOperationException("the graph solved again is not the assignment's");
        return new CohortOutcomes(assignment, HiddenOutcome.Of(cohort, chosen),
            HiddenOutcome.Of(cohort, Hindsight.Pairs(graph, CohortSolver.Solve(graph, CohortObjective.QualityOnly))), HiddenOutcome.Of(cohort, Hindsight.Pairs(graph, greedy)));
    }

    /// <summary>Newcomers matched, the cohort's against greedy's.</summary>
    public string MatchedLine() =>
        $"cohort {Report.Thousands(Cohort.Matched)}, greedy {Report.Thousands(Greedy.Matched)} ({Cohort.Matched - Greedy.Matched:+#,0;-#,0;±0}), quality only {Report.Thousands(QualityOnly.Matched)}";

    /// <summary>The hidden utility of each, and its share of the best in hindsight.</summary>
    public string UtilityLine(HiddenOutcome best) =>
        $"cohort {Report.Thousands(Cohort.Utility)} ({Cohort.ShareOf(best)}), greedy {Report.Thousands(Greedy.Utility)} ({Greedy.ShareOf(best)}), " +
        $"quality only {Report.Thousands(QualityOnly.Utility)} ({QualityOnly.ShareOf(best)})";

    /// <summary>The matches the simulator would see taken up.</summary>
    public string TakenUpLine() =>
        $"cohort {Report.Thousands(Cohort.TakenUp)}, greedy {Report.Thousands(Greedy.TakenUp)}, quality only {Report.Thousands(QualityOnly.TakenUp)}";
}
