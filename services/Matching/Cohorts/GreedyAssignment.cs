namespace Newcomers.Matching.Cohorts;

/// <summary>
/// The baseline a cohort assignment is compared with: the best pair first, taken while its
/// newcomers are free and its opportunity has the places, as matching one by one would.
/// </summary>
public static class GreedyAssignment
{
    public static CohortSolution Solve(CohortGraph graph)
    {
        var order = Enumerable.Range(0, graph.Arcs.Count)
            .OrderByDescending(a => graph.Arcs[a].Quality).ThenBy(a => graph.Arcs[a].DistanceKm).ThenBy(a => a).ToArray();
        var matched = new bool[graph.Newcomers.Length];
        var places = (int[])graph.Places.Clone();
        var chosen = new List<int>();
        foreach (var a in order)
        {
            var arc = graph.Arcs[a];
            var unit = graph.Units[arc.Unit];
            if (places[arc.Opportunity] < unit.Places || Array.Exists(unit.Members, m => matched[m])) continue;
            places[arc.Opportunity] -= unit.Places;
            foreach (var m in unit.Members) matched[m] = true;
            chosen.Add(a);
        }
        return new CohortSolution([.. chosen], Optimal: false, "greedy");
    }
}
