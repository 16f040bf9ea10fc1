using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;

namespace Newcomers.Unit.Tests.Matching.Cohorts;

/// <summary>Small random cohort graphs (the solvers read only their shape), and their optimum by trying every assignment.</summary>
public static class RandomGraphs
{
    /// <summary>Up to the given size; qualities in thousandths, so the scaled sums compare exactly.</summary>
    public static CohortGraph Make(Random random, int maxNewcomers, int maxOpportunities, bool households = false)
    {
        int newcomers = random.Next(1, maxNewcomers + 1), opportunities = random.Next(1, maxOpportunities + 1);
        var graph = new CohortGraph(new NewcomerEntry[newcomers], new OpportunityEntry[opportunities],
            [.. Enumerable.Range(0, opportunities).Select(_ => random.Next(0, 4))]);
        var density = 0.2 + random.NextDouble() * 0.4;
        for (var n = 0; n < newcomers; n++) graph.AddUnit(CohortUnit.Alone(n));
        if (households)
            for (var h = 0; h + 1 < newcomers && random.NextDouble() < 0.6; h += 2)
            {
                int[] members = random.NextDouble() < 0.5 || h + 2 >= newcomers ? [h, h + 1] : [h, h + 1, h + 2];
                // Now and then a member outside the cohort wants a buddy too, and takes a place.
                graph.AddUnit(new CohortUnit(members, $"h{h}", members.Length + (random.NextDouble() < 0.3 ? 1 : 0)));
            }
        for (var u = 0; u < graph.Units.Count; u++)
            for (var o = 0; o < opportunities; o++)
                if (random.NextDouble() < density)
                    graph.Arcs.Add(new CohortArc(u, o, Math.Round(random.NextDouble() * graph.Units[u].Size, 3), random.NextDouble() * 10));
        return graph;
    }

    /// <summary>The best (matched, scaled quality) over every assignment: lexicographic, or quality alone.</summary>
    public static (int Matched, long Quality) Optimum(CohortGraph graph, bool lexicographic)
    {
        var arcsOf = Enumerable.Range(0, graph.Units.Count).Select(u => graph.Arcs.Where(a => a.Unit == u).ToArray()).ToArray();
        var taken = new bool[graph.Newcomers.Length];
        var places = (int[])graph.Places.Clone();
        var best = (Matched: 0, Quality: 0L);
        void Try(int unit, int matched, long quality)
        {
            if (unit == graph.Units.Count)
            {
                if (lexicographic ? (matched, quality).CompareTo(best) > 0 : quality > best.Quality) best = (matched, quality);
                return;
            }
            Try(unit + 1, matched, quality);
            var (members, needed) = (graph.Units[unit].Members, graph.Units[unit].Places);
            if (Array.Exists(members, m => taken[m])) return;
            foreach (var arc in arcsOf[unit])
            {
                if (places[arc.Opportunity] < needed) continue;
                places[arc.Opportunity] -= needed;
                foreach (var m in members) taken[m] = true;
                Try(unit + 1, matched + members.Length, quality + arc.ScaledQuality);
                foreach (var m in members) taken[m] = false;
                places[arc.Opportunity] += needed;
            }
        }
        Try(0, 0, 0);
        return best;
    }

    /// <summary>The assignment's (matched, scaled quality), after checking it is one: each newcomer once at most, no opportunity over its places.</summary>
    public static (int Matched, long Quality) Feasible(CohortGraph graph, CohortSolution solution)
    {
        var taken = new bool[graph.Newcomers.Length];
        var used = new int[graph.Opportunities.Length];
        long quality = 0;
        var matched = 0;
        foreach (var a in solution.Arcs)
        {
            var arc = graph.Arcs[a];
            foreach (var m in graph.Units[arc.Unit].Members)
            {
                Assert.False(taken[m], $"newcomer {m} twice");
                taken[m] = true;
                matched++;
            }
            used[arc.Opportunity] += graph.Units[arc.Unit].Places;
            quality += arc.ScaledQuality;
        }
        for (var o = 0; o < used.Length; o++) Assert.True(used[o] <= graph.Places[o], $"opportunity {o}: {used[o]} of {graph.Places[o]} places");
        return (matched, quality);
    }
}
