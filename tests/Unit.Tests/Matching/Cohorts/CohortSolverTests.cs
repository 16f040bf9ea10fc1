using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;

namespace Newcomers.Unit.Tests.Matching.Cohorts;

/// <summary>The solvers against the optimum found by trying every assignment, on small random cohorts (up to 8 × 8).</summary>
public sealed class CohortSolverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Leave_no_one_behind_matches_the_most_newcomers_then_the_most_quality(bool households)
    {
        var random = new Random(households ? 11 : 7);
        for (var instance = 0; instance < 150; instance++)
        {
            var graph = RandomGraphs.Make(random, 8, 8, households);
            var solution = CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind);
            Assert.Equal(RandomGraphs.Optimum(graph, lexicographic: true), RandomGraphs.Feasible(graph, solution));
            Assert.True(solution.Optimal);
            Assert.Equal(graph.HasHouseholds ? "cp-sat" : "min-cost-flow", solution.Solver);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Quality_only_reaches_the_most_quality_whoever_is_left_out(bool households)
    {
        var random = new Random(households ? 13 : 5);
        for (var instance = 0; instance < 150; instance++)
        {
            var graph = RandomGraphs.Make(random, 8, 8, households);
            var solution = CohortSolver.Solve(graph, CohortObjective.QualityOnly);
            Assert.Equal(RandomGraphs.Optimum(graph, lexicographic: false).Quality, RandomGraphs.Feasible(graph, solution).Quality);
        }
    }

    [Fact]
    public void Greedy_is_an_assignment_and_never_beats_the_optimum()
    {
        var random = new Random(3);
        var greedyBehind = 0;
        for (var instance = 0; instance < 300; instance++)
        {
            var graph = RandomGraphs.Make(random, 8, 8);
            var greedy = RandomGraphs.Feasible(graph, GreedyAssignment.Solve(graph));
            var best = RandomGraphs.Feasible(graph, CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind));
            Assert.True(greedy.CompareTo(best) <= 0);
            if (greedy.Matched < best.Matched) greedyBehind++;
        }
        Assert.True(greedyBehind > 0, "some random cohort leaves someone out greedily");
    }

    [Fact]
    public void Where_greedy_leaves_someone_out_the_cohort_assignment_does_not()
    {
        // Anna fits the bakery best (0.9) and the garden (0.5); Bilal fits only the bakery (0.8). One place each.
        var graph = new CohortGraph(new NewcomerEntry[2], new OpportunityEntry[2], [1, 1]);
        graph.AddUnit(CohortUnit.Alone(0));
        graph.AddUnit(CohortUnit.Alone(1));
        graph.Arcs.AddRange([new CohortArc(0, 0, 0.9, 1), new CohortArc(0, 1, 0.5, 1), new CohortArc(1, 0, 0.8, 1)]);

        var greedy = GreedyAssignment.Solve(graph);
        var cohort = CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind);
        var qualityOnly = CohortSolver.Solve(graph, CohortObjective.QualityOnly);

        Assert.Equal([0], greedy.Arcs);
        Assert.Equal([1, 2], cohort.Arcs.Order());
        Assert.Equal((2, 1.3), Rounded(cohort.Score(graph)));
        Assert.Equal((1, 0.9), Rounded(greedy.Score(graph)));
        Assert.Equal((2, 1.3), Rounded(qualityOnly.Score(graph)));
    }

    [Fact]
    public void Leaving_no_one_behind_costs_quality_that_quality_only_keeps()
    {
        // Quality alone gives the one place to the better pair and leaves the other newcomer's only chance unused.
        var graph = new CohortGraph(new NewcomerEntry[2], new OpportunityEntry[2], [1, 1]);
        graph.AddUnit(CohortUnit.Alone(0));
        graph.AddUnit(CohortUnit.Alone(1));
        graph.Arcs.AddRange([new CohortArc(0, 0, 0.9, 1), new CohortArc(0, 1, 0.1, 1), new CohortArc(1, 0, 0.5, 1)]);

        Assert.Equal((2, 0.6), Rounded(CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind).Score(graph)));
        Assert.Equal((1, 0.9), Rounded(CohortSolver.Solve(graph, CohortObjective.QualityOnly).Score(graph)));
    }

    [Fact]
    public void A_family_buddy_takes_a_household_whole_or_not_at_all()
    {
        // A household of three and a family buddy with two places: the buddy cannot take it, however good.
        var graph = new CohortGraph(new NewcomerEntry[4], new OpportunityEntry[2], [2, 1]);
        for (var n = 0; n < 4; n++) graph.AddUnit(CohortUnit.Alone(n));
        var household = graph.AddUnit(new CohortUnit([0, 1, 2], "h1", 3));
        graph.Arcs.AddRange([new CohortArc(household, 0, 2.7, 1), new CohortArc(3, 0, 0.2, 1), new CohortArc(0, 1, 0.4, 1)]);

        var solution = CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind);

        Assert.Equal("cp-sat", solution.Solver);
        Assert.Equal([1, 2], solution.Arcs.Order());
        Assert.Equal(2, solution.Score(graph).Matched);
        graph.Places[0] = 3;
        Assert.Equal([0], CohortSolver.Solve(graph, CohortObjective.QualityOnly).Arcs);
    }

    private static (int, double) Rounded((int Matched, double Quality) score) => (score.Matched, Math.Round(score.Quality, 6));
}
