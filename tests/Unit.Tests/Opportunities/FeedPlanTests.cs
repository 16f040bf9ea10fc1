using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Domain;

namespace Newcomers.Unit.Tests.Opportunities;

public sealed class FeedPlanTests
{
    private static readonly Timestamp Earlier = Timestamp.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp Now = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));

    private static Opportunity Item(string externalId) => new()
    {
        ExternalId = externalId, Kind = OpportunityKind.WorkPlacement, Title = "Hulpkok", Occupation = "5120", RequiredDutchLevel = CefrLevel.A2,
        Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning } }, Location = new GeoPoint { Latitude = 52.18, Longitude = 5.3 },
        MunicipalityCode = "GM0342", Capacity = 2,
    };

    /// <summary>The item as the store holds it after an earlier feed: with the provider, an id, a version and times.</summary>
    private static Opportunity Stored(string externalId, OpportunityStatus status = OpportunityStatus.Open) =>
        new(Item(externalId)) { Id = $"id-{externalId}", Version = 3, ProviderId = "p1", Status = status, CreateTime = Earlier, UpdateTime = Earlier };

    private static Dictionary<string, Opportunity> StoredOf(params Opportunity[] stored) => stored.ToDictionary(o => o.ExternalId);

    [Fact]
    public void An_item_equal_to_the_stored_one_is_not_written_though_it_leaves_out_provider_status_and_times()
    {
        var plan = FeedPlan.Of("p1", SyncMode.Full, [Item("a")], StoredOf(Stored("a")), Now);

        Assert.Empty(plan.Writes);
        Assert.Equal((0, 0, 1, 0), (plan.Response.Created, plan.Response.Changed, plan.Response.Unchanged, plan.Response.Closed));
    }

    [Fact]
    public void A_changed_item_is_written_on_the_stored_version_with_its_id_and_create_time()
    {
        var plan = FeedPlan.Of("p1", SyncMode.Partial, [new(Item("a")) { Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayEvening } } }], StoredOf(Stored("a")), Now);

        var (written, expected) = Assert.Single(plan.Writes);
        Assert.Equal(("id-a", 3L, Earlier, Now, "p1"), (written.Id, expected, written.CreateTime, written.UpdateTime, written.ProviderId));
        Assert.Equal(1, plan.Response.Changed);
    }

    [Fact]
    public void A_full_feed_closes_the_open_items_it_misses_but_not_closed_ones_nor_rejected_ones()
    {
        var stored = StoredOf(Stored("kept"), Stored("gone"), Stored("closed", OpportunityStatus.Closed), Stored("typo"));
        var items = new[] { Item("kept"), new Opportunity(Item("typo")) { Title = "" } };

        var full = FeedPlan.Of("p1", SyncMode.Full, items, stored, Now);
        var partial = FeedPlan.Of("p1", SyncMode.Partial, items, stored, Now);

        var (closed, expected) = Assert.Single(full.Writes);
        Assert.Equal(("id-gone", OpportunityStatus.Closed, 3L), (closed.Id, closed.Status, expected));
        Assert.Equal((1, 1, 1), (full.Response.Unchanged, full.Response.Closed, full.Response.Rejected));
        Assert.Empty(partial.Writes);
    }

    [Fact]
    public void Rejected_items_are_listed_up_to_a_thousand_and_counted_beyond()
    {
        var items = Enumerable.Range(0, 1005).Select(i => new Opportunity(Item($"x{i}")) { Capacity = 0 }).Append(Item("good")).ToList();

        var plan = FeedPlan.Of("p1", SyncMode.Full, items, StoredOf(), Now);

        Assert.Equal((1005, FeedPlan.MaxRejectionsListed, true, 1), (plan.Response.Rejected, plan.Response.RejectedItems.Count, plan.Response.RejectionsTruncated, plan.Response.Created));
        Assert.Equal((999, "x999", "capacity", ViolationReasons.OutOfRange),
            (plan.Response.RejectedItems[^1].Index, plan.Response.RejectedItems[^1].ExternalId, plan.Response.RejectedItems[^1].Violations.Single().Field, plan.Response.RejectedItems[^1].Violations.Single().Reason));
    }
}
