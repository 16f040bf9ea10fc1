using System.Diagnostics;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Benchmarks;

/// <summary>
/// A whole cohort call against as many recommendations for the same newcomers, in the same run and
/// alternating: the assignment from request to result (choosing the cohort, eligibility and scoring,
/// both objectives solved, greedy, the chosen pairs explained) against one RecommendOpportunities of
/// the same kind in process for each of its newcomers.
/// </summary>
public sealed class CohortTiming(InProcessMatching matching, NewcomerEntry[] newcomers, OpportunityEntry[] opportunities, OpportunityKind kind)
{
    public static readonly string[] Stages = ["cohort", "pairs", "solving", "greedy"];

    private readonly OpportunityFilter noFilter = new(new HashSet<string>(), false, 0);

    /// <summary>Medians of the given repetitions after one of each to warm up; each stage's median, and the rest of the call as "explaining".</summary>
    public CohortFigures Run(int repetitions)
    {
        Assign();
        Recommend();
        var (calls, recommendations) = (new List<double>(), new List<double>());
        var stages = Stages.Append("explaining").ToDictionary(s => s, _ => new List<double>());
        CohortAssignment? last = null;
        for (var r = 0; r < repetitions; r++)
        {
            Settle();
            var clock = Stopwatch.StartNew();
            last = Assign();
            calls.Add(clock.Elapsed.TotalMilliseconds);
            foreach (var stage in last.StageTimes) stages[stage.Stage].Add(stage.Milliseconds);
            stages["explaining"].Add(calls[^1] - last.StageTimes.Sum(s => s.Milliseconds));
            Settle();
            clock.Restart();
            Recommend();
            recommendations.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new CohortFigures(Median(calls), Median(recommendations), stages.ToDictionary(s => s.Key, s => Median(s.Value)), last!, FlowAlone());
    }

    /// <summary>One min-cost flow of the cohort's graph alone, the best of three.</summary>
    private double FlowAlone()
    {
        var graph = matching.Graph(InProcessMatching.Request(kind, newcomers, opportunities, CohortObjective.LeaveNoOneBehind));
        return Enumerable.Range(0, 3).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind);
            return clock.Elapsed.TotalMilliseconds;
        });
    }

    private CohortAssignment Assign() => matching.Assign(kind, newcomers, opportunities);

    private void Recommend()
    {
        OpportunityKind[] kinds = [kind];
        foreach (var n in newcomers) matching.Recommender.ForNewcomer(n, kinds, 20, noFilter);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(List<double> values) => Measure.Percentile(values, 50);
}
