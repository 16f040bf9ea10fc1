using Google.OrTools.Graph;
using Google.OrTools.Sat;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// Solves a cohort graph with OR-Tools. Without households it is a min-cost flow (source → newcomer
/// → opportunity → sink, the opportunity's arc to the sink as wide as its places): the maximum flow
/// of least cost is exactly "as many as possible, then the most quality", and a bypass arc from the
/// source to the sink gives "quality only". A household that a family buddy takes whole cannot be
/// split as a flow can, so then it is CP-SAT: a choice per arc, each newcomer at most once, each
/// opportunity at most its places (a household using its own), and the same objectives as weights.
/// </summary>
public static class CohortSolver
{
    /// <summary>How long CP-SAT may search before it answers with the best assignment found.</summary>
    public static TimeSpan CpSatLimit { get; set; } = TimeSpan.FromSeconds(10);

    public static CohortSolution Solve(CohortGraph graph, CohortObjective objective) =>
        graph.HasHouseholds ? WithCpSat(graph, objective) : WithFlow(graph, objective);

    private static CohortSolution WithFlow(CohortGraph graph, CohortObjective objective)
    {
        var units = graph.Units.Count;
        var opportunities = graph.Opportunities.Length;
        int source = 0, sink = units + opportunities + 1;
        var flow = new MinCostFlow();
        for (var u = 0; u < units; u++) flow.AddArcWithCapacityAndUnitCost(source, 1 + u, 1, 0);
        var first = -1;
        foreach (var arc in graph.Arcs)
        {
            var index = flow.AddArcWithCapacityAndUnitCost(1 + arc.Unit, 1 + units + arc.Opportunity, 1, -arc.ScaledQuality);
            if (first < 0) first = index;
        }
        for (var o = 0; o < opportunities; o++)
            if (graph.Places[o] > 0) flow.AddArcWithCapacityAndUnitCost(1 + units + o, sink, graph.Places[o], 0);
        flow.SetNodeSupply(source, units);
        flow.SetNodeSupply(sink, -units);
        MinCostFlowBase.Status status;
        if (objective == CohortObjective.QualityOnly)
        {
            // Flow that brings no quality goes round the cohort, so only quality decides.
            flow.AddArcWithCapacityAndUnitCost(source, sink, units, 0);
            status = flow.Solve();
        }
        else status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException($"min-cost flow ended {status}");
        var chosen = new List<int>();
        for (var a = 0; a < graph.Arcs.Count; a++)
            if (flow.Flow(first + a) > 0) chosen.Add(a);
        return new CohortSolution([.. chosen], Optimal: true, "min-cost-flow");
    }

    private static CohortSolution WithCpSat(CohortGraph graph, CohortObjective objective)
    {
        var model = new CpModel();
        var choices = new BoolVar[graph.Arcs.Count];
        var byNewcomer = new List<BoolVar>[graph.Newcomers.Length];
        var byOpportunity = new List<(BoolVar Choice, long Size)>[graph.Opportunities.Length];
        // A newcomer matched outweighs any sum of quality: every newcomer's quality is at most Scale.
        var perNewcomer = objective == CohortObjective.QualityOnly ? 0 : (long)CohortArc.Scale * (graph.Newcomers.Length + 1);
        var weights = new long[graph.Arcs.Count];
        for (var a = 0; a < graph.Arcs.Count; a++)
        {
            var arc = graph.Arcs[a];
            var unit = graph.Units[arc.Unit];
            choices[a] = model.NewBoolVar($"a{a}");
            weights[a] = perNewcomer * unit.Size + arc.ScaledQuality;
            foreach (var m in unit.Members) (byNewcomer[m] ??= []).Add(choices[a]);
            (byOpportunity[arc.Opportunity] ??= []).Add((choices[a], unit.Places));
        }
        foreach (var vars in byNewcomer)
            if (vars is { Count: > 1 }) model.AddAtMostOne(vars);
        for (var o = 0; o < byOpportunity.Length; o++)
            if (byOpportunity[o] is { } taking)
                model.Add(LinearExpr.WeightedSum(taking.Select(t => t.Choice), taking.Select(t => t.Size)) <= graph.Places[o]);
        model.Maximize(LinearExpr.WeightedSum(choices, weights));
        var solver = new CpSolver { StringParameters = $"num_workers:2,max_time_in_seconds:{CpSatLimit.TotalSeconds:0.###}" };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) throw new InvalidOperationException($"CP-SAT ended {status}");
        var chosen = Enumerable.Range(0, choices.Length).Where(a => solver.BooleanValue(choices[a])).ToArray();
        return new CohortSolution(chosen, status == CpSolverStatus.Optimal, "cp-sat");
    }
}
