namespace Newcomers.Matching.Cohorts;

/// <summary>An assignment: the chosen arcs of a graph, whether it is proven optimal, and by what.</summary>
public sealed record CohortSolution(int[] Arcs, bool Optimal, string Solver)
{
    /// <summary>Newcomers with a pair (a household counts each member), and the total quality.</summary>
    public (int Matched, double TotalQuality) Score(CohortGraph graph)
    {
        int matched = 0;
        double quality = 0;
        foreach (var a in Arcs)
        {
            var arc = graph.Arcs[a];
            matched += graph.Units[arc.Unit].Size;
            quality += arc.Quality;
        }
        return (matched, quality);
    }
}
