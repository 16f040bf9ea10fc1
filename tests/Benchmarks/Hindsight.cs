using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>
/// The best assignment of a simulated cohort in hindsight: over every eligible pair (not only each
/// newcomer's best by the quality in force), weighed by the hidden utility that no ranker sees. Its
/// graph is solved by the same min-cost flow: quality only for the most total utility, or the most
/// newcomers matched and then the most utility.
/// </summary>
public static class Hindsight
{
    public static CohortGraph Graph(InProcessMatching matching, SimulatedCohort cohort, NewcomerEntry[] newcomers, OpportunityEntry[] opportunities)
    {
        var graph = new CohortGraph(newcomers, opportunities, [.. opportunities.Select(o => o.PlacesLeft)]);
        for (var i = 0; i < newcomers.Length; i++)
        {
            var n = newcomers[i];
            var unit = graph.AddUnit(CohortUnit.Alone(i));
            var home = new Geo.From(n.Latitude, n.Longitude);
            for (var j = 0; j < opportunities.Length; j++)
            {
                var o = opportunities[j];
                if (matching.Recommender.Failing(n, o) != Constraint.Unspecified) continue;
                graph.Arcs.Add(new CohortArc(unit, j, cohort.Utility(n.Id, o.Id), Math.Sqrt(home.SquaredKm(o.Latitude, o.Longitude))));
                graph.Eligible[i]++;
            }
        }
        graph.EligiblePairs = graph.Arcs.Count;
        return graph;
    }

    /// <summary>The pairs of a solution, as newcomer and opportunity ids.</summary>
    public static IEnumerable<(string NewcomerId, string OpportunityId)> Pairs(CohortGraph graph, CohortSolution solution) =>
        solution.Arcs.Select(a => graph.Arcs[a]).SelectMany(arc => graph.Units[arc.Unit].Members.Select(m => (graph.Newcomers[m].Id, graph.Opportunities[arc.Opportunity].Id)));
}
