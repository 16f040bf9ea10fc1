using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;

namespace Newcomers.Unit.Tests.Matching.Cohorts;

/// <summary>A national assignment goes out in parts that merge back into it, each far under gRPC's 4 MB.</summary>
public sealed class CohortPartsTests
{
    [Fact]
    public void Ten_thousand_pairs_go_in_parts_under_a_megabyte_that_merge_back_into_the_assignment()
    {
        var assignment = new CohortAssignment { RunId = "run-1", Kind = OpportunityKind.WorkPlacement, Quality = "heuristic-v1", Greedy = new CohortScore { Matched = 9_990, TotalQuality = 4_321.5 } };
        for (var i = 0; i < 10_000; i++)
            assignment.Pairs.Add(new CohortPair
            {
                NewcomerId = $"newcomer-{i:00000}", OpportunityId = $"opportunity-{i:00000}", OpportunityTitle = "Taalstage in de bakkerij", Quality = 0.5, Score = 0.7, DistanceKm = 3.2,
                Reasons = { Enumerable.Range(0, 4).Select(r => new Reason { Kind = ReasonKind.Distance, TextNl = "woont 3,2 km van de werkplek, met de fiets bereikbaar", TextEn = "lives 3.2 km from the workplace, within reach by bicycle" }) },
            });
        for (var i = 0; i < 1_500; i++) assignment.LeftOut.Add(new CohortLeftOut { NewcomerId = $"left-{i}", Reason = CohortLeftOutReason.Outbid, EligibleOpportunities = 3 });
        Assert.True(assignment.CalculateSize() > 4 * 1024 * 1024, "as one message it would be refused");

        var parts = CohortParts.Of(assignment).ToList();

        Assert.Equal(10, parts.Count);
        Assert.All(parts, p => Assert.True(p.CalculateSize() < 1024 * 1024));
        Assert.All(parts.Skip(1), p => Assert.Equal(0, p.Greedy?.Matched ?? 0));
        var merged = new CohortAssignment();
        foreach (var part in parts) merged.MergeFrom(part);
        Assert.Equal(assignment, merged);
    }

    [Fact]
    public void A_small_assignment_is_one_part()
    {
        var assignment = new CohortAssignment { RunId = "run-2", Pairs = { new CohortPair { NewcomerId = "n" } } };
        Assert.Equal([assignment], CohortParts.Of(assignment));
        Assert.Single(CohortParts.Of(new CohortAssignment { RunId = "empty" }));
    }
}
