using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching.Cohorts;

/// <summary>Cohort assignments over a read model: every pair eligible, no place oversubscribed, matches in force respected, and each newcomer left out with a true reason.</summary>
public sealed class CohortAssignerTests
{
    private static readonly HashSet<string> Soest = ["GM0342"];
    private static readonly DayPart[] Week = [DayPart.MondayMorning, DayPart.MondayAfternoon, DayPart.TuesdayMorning, DayPart.WednesdayAfternoon, DayPart.SaturdayMorning];
    private static readonly CefrLevel[] Levels = [CefrLevel.A0, CefrLevel.A1, CefrLevel.A2, CefrLevel.B1, CefrLevel.B2];

    [Fact]
    public void Over_random_cohorts_every_pair_is_eligible_and_no_place_is_oversubscribed()
    {
        var random = new Random(42);
        int pairs = 0, outbid = 0, noneEligible = 0;
        for (var instance = 0; instance < 40; instance++)
        {
            var (model, recommender) = RandomRegion(random, newcomers: random.Next(3, 30), opportunities: random.Next(2, 20));
            var keepOpen = random.NextDouble() < 0.5;
            var options = new CohortOptions { KeepOpenMatches = keepOpen, MaxDistanceKm = random.NextDouble() < 0.3 ? 4 : 0 };
            var before = model.OpenMatches().ToList();

            var result = Assign(model, recommender, options);

            var assigned = result.Pairs.Select(p => p.NewcomerId).ToList();
            Assert.Equal(assigned.Count, assigned.Distinct().Count());
            foreach (var pair in result.Pairs)
            {
                var (n, o) = (model.Newcomer(pair.NewcomerId)!, model.Opportunity(pair.OpportunityId)!);
                Assert.Equal(Constraint.Unspecified, recommender.Failing(n, o));
                Assert.True(options.MaxDistanceKm == 0 || pair.DistanceKm <= options.MaxDistanceKm);
                Assert.NotEmpty(pair.Reasons);
            }
            foreach (var byOpportunity in result.Pairs.GroupBy(p => p.OpportunityId))
            {
                var o = model.Opportunity(byOpportunity.Key)!;
                var held = keepOpen ? before.Count(m => m.OpportunityId == o.Id && m.State == MatchState.Proposed) : 0;
                Assert.True(byOpportunity.Count() <= o.PlacesLeft - held, $"{byOpportunity.Count()} pairs for {o.PlacesLeft} places, {held} held");
            }
            var inForce = before.Where(m => m.State != MatchState.Proposed || keepOpen).Select(m => m.NewcomerId).ToHashSet();
            Assert.DoesNotContain(assigned, inForce.Contains);
            var waiting = model.AllNewcomers.Where(n => n.Matchable && !inForce.Contains(n.Id)).Select(n => n.Id).Order().ToList();
            Assert.Equal(waiting, assigned.Concat(result.LeftOut.Select(l => l.NewcomerId)).Order());
            foreach (var left in result.LeftOut)
            {
                var n = model.Newcomer(left.NewcomerId)!;
                var eligible = model.Opportunities(OpportunityKind.WorkPlacement).Count(o => recommender.Failing(n, o) == Constraint.Unspecified
                    && (options.MaxDistanceKm == 0 || Eligibility.InReach(new Geo.From(n.Latitude, n.Longitude).SquaredKm(o.Latitude, o.Longitude), options.MaxDistanceKm)) && Places(model, o, before, keepOpen) > 0);
                Assert.Equal(eligible, left.EligibleOpportunities);
                Assert.Equal(eligible == 0 ? CohortLeftOutReason.NoEligibleOpportunity : CohortLeftOutReason.Outbid, left.Reason);
            }
            Assert.True(result.LeaveNoOneBehind.Matched >= Math.Max(result.Greedy.Matched, result.QualityOnly.Matched));
            Assert.True(result.QualityOnly.TotalQuality >= result.LeaveNoOneBehind.TotalQuality - 1e-3);
            Assert.Equal(result.LeaveNoOneBehind.Matched, result.Pairs.Count);
            pairs += result.Pairs.Count;
            outbid += result.LeftOut.Count(l => l.Reason == CohortLeftOutReason.Outbid);
            noneEligible += result.LeftOut.Count(l => l.Reason == CohortLeftOutReason.NoEligibleOpportunity);
        }
        // The instances test something: many pairs, and newcomers left out for either reason.
        Assert.True(pairs > 150 && outbid > 5 && noneEligible > 5, $"{pairs} pairs, {outbid} outbid, {noneEligible} without an eligible opportunity");
    }

    [Fact]
    public void Where_greedy_leaves_a_newcomer_out_the_cohort_matches_both()
    {
        var model = new MatchingReadModel();
        var recommender = new Recommender(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System);
        // Both can work at the bakery, Anna best; the garden asks B2, which only Anna comes near (B1, one step under).
        model.Apply(Sample.Newcomer("anna", n => n.DutchLevel = CefrLevel.B1));
        model.Apply(Sample.Newcomer("bilal", n => n.DutchLevel = CefrLevel.A1));
        model.Apply(Sample.Opportunity("bakery", 0.5, o => o.Capacity = 1));
        model.Apply(Sample.Opportunity("garden", 6, o => { o.Capacity = 1; o.Occupation = "9214"; o.RequiredDutchLevel = CefrLevel.B2; o.Skills.Clear(); }));

        var result = Assign(model, recommender, new CohortOptions());

        Assert.Equal([("anna", "garden"), ("bilal", "bakery")], result.Pairs.Select(p => (p.NewcomerId, p.OpportunityId)));
        Assert.Equal(2, result.LeaveNoOneBehind.Matched);
        Assert.Equal(1, result.Greedy.Matched);
        Assert.True(result.Greedy.TotalQuality > result.Pairs.Single(p => p.NewcomerId == "bilal").Quality);
        Assert.Empty(result.LeftOut);
    }

    private static CohortAssignment Assign(MatchingReadModel model, Recommender recommender, CohortOptions options) =>
        new CohortAssigner(model, recommender, new RecommenderTests.StaticOptions(new MatchingOptions()))
            .Assign(new CohortRequest(OpportunityKind.WorkPlacement, Soest, null, null, options), _ => { }, CancellationToken.None);

    private static int Places(MatchingReadModel model, OpportunityEntry o, List<(string NewcomerId, string OpportunityId, MatchState State)> open, bool keepOpen) =>
        o.PlacesLeft - (keepOpen ? open.Count(m => m.OpportunityId == o.Id && m.State == MatchState.Proposed) : 0);

    /// <summary>Newcomers and placements within a few km of Soest with random levels, weeks and reach, and some matches of every kind.</summary>
    private static (MatchingReadModel, Recommender) RandomRegion(Random random, int newcomers, int opportunities)
    {
        var model = new MatchingReadModel();
        var recommender = new Recommender(model, new RecommenderTests.StaticOptions(new MatchingOptions()), TimeProvider.System);
        for (var i = 0; i < opportunities; i++)
            model.Apply(Sample.Opportunity($"o{i:00}", random.NextDouble() * 8 - 4, o =>
            {
                o.Capacity = random.Next(1, 4);
                o.RequiredDutchLevel = Levels[random.Next(Levels.Length)];
                o.Schedule.DayParts.Clear();
                o.Schedule.DayParts.Add(Week[random.Next(Week.Length)]);
                o.Location.Longitude += (random.NextDouble() - 0.5) * 0.1;
            }));
        for (var i = 0; i < newcomers; i++)
            model.Apply(Sample.Newcomer($"n{i:00}", n =>
            {
                n.DutchLevel = Levels[random.Next(Levels.Length)];
                n.MaxTravelKm = random.Next(2, 9);
                n.Availability.DayParts.Clear();
                n.Availability.DayParts.Add(Week.Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(DayPart.SaturdayMorning));
                n.Consent.Matching = random.NextDouble() < 0.9;
            }));
        var version = 1;
        foreach (var n in model.AllNewcomers.Where(n => n.Matchable).ToList())
        {
            var state = random.Next(8) switch { 0 => MatchState.Accepted, 1 => MatchState.Proposed, 2 => MatchState.Declined, _ => MatchState.Unspecified };
            if (state == MatchState.Unspecified) continue;
            var o = $"o{random.Next(opportunities):00}";
            if (state == MatchState.Accepted && model.Opportunity(o)!.PlacesLeft == 0) continue;
            model.Apply(new Match { Id = $"m{version}", Version = version++, NewcomerId = n.Id, OpportunityId = o, State = state, Kind = OpportunityKind.WorkPlacement });
        }
        return (model, recommender);
    }
}
