using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>The simulator's cohort: a shared pool of opportunities with places, and a hidden utility fixed by the seed.</summary>
public sealed class SimulatedCohortTests
{
    [Fact]
    public void The_pool_holds_open_opportunities_of_the_kind_asked_with_one_to_three_places_each()
    {
        var cohort = new OutcomeSimulator(seed: 5).Cohort(newcomers: 200, opportunities: 300, OpportunityKind.Volunteering);

        Assert.Equal(200, cohort.Newcomers.Count);
        Assert.Equal(300, cohort.Opportunities.Count);
        Assert.Equal([1, 2, 3], cohort.Opportunities.Select(o => o.Capacity).Distinct().Order());
        Assert.All(cohort.Opportunities, o => Assert.Equal((OpportunityKind.Volunteering, OpportunityStatus.Open), (o.Kind, o.Status)));
        Assert.Equal(300, cohort.Opportunities.Select(o => o.Id).Distinct().Count());
        Assert.Equal(200, cohort.Newcomers.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void The_read_model_takes_the_cohort_as_it_takes_events_and_counts_its_places()
    {
        var cohort = new OutcomeSimulator(seed: 5).Cohort(newcomers: 50, opportunities: 80);
        var model = new MatchingReadModel();
        foreach (var o in cohort.Opportunities) Assert.True(model.Apply(o));
        foreach (var n in cohort.Newcomers) Assert.True(model.Apply(n));

        Assert.Equal(80, model.TakingOpportunityCount(OpportunityKind.WorkPlacement));
        Assert.Equal(50, model.MatchableNewcomerCount);
        Assert.Equal(cohort.Opportunities.Sum(o => o.Capacity), model.Opportunities(OpportunityKind.WorkPlacement).Sum(o => o.PlacesLeft));
    }

    [Fact]
    public void The_hidden_utility_is_the_same_for_the_same_seed_in_any_order_and_differs_for_another_seed()
    {
        static SimulatedCohort Draw(int seed) => new OutcomeSimulator(seed).Cohort(newcomers: 40, opportunities: 60);
        var pairs = Enumerable.Range(0, 40).SelectMany(i => Enumerable.Range(0, 60).Select(j => (i, j))).ToList();
        var first = Draw(11);
        var utilities = pairs.Select(p => first.Utility(p.i, p.j)).ToList();

        var again = Draw(11);
        var backwards = Enumerable.Reverse(pairs).Select(p => again.Utility(p.i, p.j)).Reverse().ToList();
        Assert.Equal(utilities, backwards);
        Assert.Equal(utilities[5 * 60 + 7], again.Utility(again.Newcomers[5].Id, again.Opportunities[7].Id));
        Assert.Equal(first.Opportunities.Select(o => (o.Location.Latitude, o.Capacity)), again.Opportunities.Select(o => (o.Location.Latitude, o.Capacity)));

        var other = Draw(12);
        Assert.NotEqual(utilities, pairs.Select(p => other.Utility(p.i, p.j)));
        // The utility spreads over the simulator's grades, from not taken up to completed.
        Assert.Equal([0, 1, 2, 3, 4], pairs.Select(p => first.Grade(first.Newcomers[p.i].Id, first.Opportunities[p.j].Id)).Distinct().Order());
    }
}
