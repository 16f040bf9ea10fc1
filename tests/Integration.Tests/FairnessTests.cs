using Google.Protobuf;
using Google.Protobuf.Reflection;
using Newcomers.BuildingBlocks.Domain;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Fairness;
using Newcomers.Matching.Learning;
using Xunit.Abstractions;
using static Newcomers.Integration.Tests.FairnessWorld;

namespace Newcomers.Integration.Tests;

public sealed class FairnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Providers_who_accept_women_half_as_often_are_flagged_by_the_four_fifths_rule()
    {
        await using var host = await RunningHost.StartAsync();
        await SimulateAsync(host, biased: true);

        var report = await host.Matching.GetFairnessReportAsync(new GetFairnessReportRequest());
        output.WriteLine(JsonFormatter.Default.Format(report));
        var heuristic = Assert.Single(report.Rankers);
        Assert.Equal("heuristic-v1", heuristic.Ranker);
        Assert.Equal(Placements, heuristic.Rankings);
        Assert.Equal(Sets * 4 + SmallGroup, heuristic.Newcomers);

        var (women, men) = (Group(heuristic, FairnessFigures.Gender, "female"), Group(heuristic, FairnessFigures.Gender, "male"));
        // Staff propose women and men alike; providers accept women half as often: accepted and started fall under four fifths.
        Assert.Equal((1.0, false), (women.Proposed.Ratio, women.Proposed.Flagged));
        Assert.True(women.Accepted.Flagged, $"accepted ratio {women.Accepted.Ratio}");
        Assert.InRange(women.Accepted.Ratio, 0.3, 0.7);
        Assert.True(women.Started.Flagged);
        Assert.False(men.Accepted.Flagged);
        // The bias was planted by gender only: the regions' rates stay equal.
        foreach (var region in new[] { RegionOfOrigin.MiddleEastNorthAfrica, RegionOfOrigin.SubSaharanAfrica })
        {
            var g = Group(heuristic, FairnessFigures.Region, region);
            Assert.False(g.Proposed.Flagged || g.Accepted.Flagged || g.Started.Flagged, region);
        }
        AssertSmallGroupsLeftOut(heuristic);
    }

    [Fact]
    public async Task Without_a_planted_bias_no_group_is_flagged_and_the_reads_are_audited()
    {
        await using var host = await RunningHost.StartAsync();
        await SimulateAsync(host, biased: false);

        var report = await host.Matching.GetFairnessReportAsync(new GetFairnessReportRequest { Ranker = "heuristic-v1" });
        output.WriteLine(JsonFormatter.Default.Format(report));
        var heuristic = Assert.Single(report.Rankers);
        foreach (var dimension in heuristic.Dimensions)
            foreach (var g in dimension.Groups)
            {
                Assert.InRange(g.ExposureRatio, FairnessFigures.ExposureLow, FairnessFigures.ExposureHigh);
                Assert.False(g.ExposureFlagged || g.Proposed.Flagged || g.Accepted.Flagged || g.Started.Flagged, $"{dimension.Dimension} {g.Group}");
                Assert.Equal(1.0, g.Accepted.Ratio);
            }
        AssertSmallGroupsLeftOut(heuristic);

        // Each newcomer's attributes were read for the report, on record as read by the matching service, with the reason.
        var entries = await new AuditService.AuditServiceClient(host.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = "newcomers/" + Id(0, 0) });
        var read = Assert.Single(entries.Entries, e => e.Action == "StreamProtectedAttributesForAudit");
        Assert.Equal(("matching", "service", "fairness audit: fairness report asked by test-admin"), (read.Actor, read.Role, read.Purpose));

        // Asked for a ranker that never ranked: an empty report, and no attributes read.
        Assert.Empty((await host.Matching.GetFairnessReportAsync(new GetFairnessReportRequest { Ranker = "model-19990101000000000" })).Rankers);
    }

    [Fact]
    public async Task No_report_holds_a_name_an_id_or_a_postcode()
    {
        await using var host = await RunningHost.StartAsync();
        await SimulateAsync(host, biased: true, placements: 3);
        var report = await host.Matching.GetFairnessReportAsync(new GetFairnessReportRequest());
        var json = JsonFormatter.Default.Format(report);

        Assert.DoesNotContain("fair-", json, StringComparison.Ordinal);
        Assert.DoesNotContain(DisplayName, json, StringComparison.Ordinal);
        Assert.DoesNotContain("GM0342", json, StringComparison.Ordinal);
        // Nor could one: no field of the report, at any depth, is an id, a name, a postcode or a place.
        Assert.DoesNotContain(Fields(FairnessReport.Descriptor), f => f.Name.Split('_').Intersect(["id", "ids", "name", "postcode", "municipality", "home"]).Any());
    }

    [Fact]
    public async Task A_model_trained_on_the_biased_outcomes_without_the_attributes_keeps_exposure_inside_the_bounds()
    {
        await using var host = await RunningHost.StartAsync();
        var (simulator, members) = await SimulateAsync(host, biased: true, placements: 80);

        var stages = new List<TrainModelProgress>();
        using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Outcomes }))
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) stages.Add(call.ResponseStream.Current);
        var version = stages[^1].Model;
        output.WriteLine(version.Decision);
        output.WriteLine(version.Fairness.ToString());

        // The members of a set look the same to a ranker but for a few metres of home: on these draws the model does not pick up
        // the providers' bias against women, and on the held-out lists every group's exposure stays inside the bounds and within
        // the margin of the heuristic's (the worst: 0.98 against 0.99). The check is made, said, and does not block. (With other
        // draws a model can learn the metres as a proxy: one moved men from 0.99 to 1.06 and was kept back; docs/ranking.md.)
        Assert.True(version.Fairness.Checked);
        Assert.False(version.Fairness.Blocked);
        Assert.InRange(version.Fairness.NewRatio, FairnessFigures.ExposureLow, FairnessFigures.ExposureHigh);
        Assert.InRange(version.Fairness.CurrentRatio, FairnessFigures.ExposureLow, FairnessFigures.ExposureHigh);
        Assert.Contains("fairness: the exposure ratio of", version.Decision);
        if (!version.Promoted) return;

        // Promoted: its own lists, acted on with the same bias, are reported under its version; exposure stays inside, the bias still shows.
        await PlacementsAsync(host, simulator, members, biased: true, first: 80, placements: 10);
        var model = Assert.Single((await host.Matching.GetFairnessReportAsync(new GetFairnessReportRequest { Ranker = version.Id })).Rankers);
        output.WriteLine(model.ToString());
        Assert.All(model.Dimensions.SelectMany(d => d.Groups), g => Assert.False(g.ExposureFlagged, g.Group));
        Assert.True(Group(model, FairnessFigures.Gender, "female").Accepted.Flagged);
    }

    private static void AssertSmallGroupsLeftOut(RankerFairness ranker)
    {
        // Three newcomers of another gender from Oceania: under the minimum, left out on both counts, and said so.
        foreach (var dimension in ranker.Dimensions)
        {
            Assert.Equal(1, dimension.GroupsTooSmall);
            Assert.False(dimension.TooSmallToCompare);
            Assert.DoesNotContain(dimension.Groups, g => g.Group is "other" or RegionOfOrigin.Oceania);
            Assert.All(dimension.Groups, g => Assert.Equal(Sets * 2, g.Members));
        }
    }

    private static IEnumerable<FieldDescriptor> Fields(MessageDescriptor message) => message.Fields.InDeclarationOrder()
        .SelectMany(f => f.FieldType == FieldType.Message && f.MessageType.File.Package == "matching.v1" ? [f, .. Fields(f.MessageType)] : new[] { f });
}
