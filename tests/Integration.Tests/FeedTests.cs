using System.Diagnostics;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Xunit.Abstractions;

namespace Newcomers.Integration.Tests;

/// <summary>A platform's bulk feed through SyncOpportunities, over real gRPC: idempotent by (provider, external_id).</summary>
public sealed class FeedTests(FeedHost fixture, ITestOutputHelper output) : IClassFixture<FeedHost>
{
    private RunningHost Host => fixture.Host;

    private async Task<Provider> NewProviderAsync(string platformId = "") =>
        await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider(Build.Provider()) { PlatformId = platformId } });

    private async Task<List<Opportunity>> StoredAsync(string providerId) =>
        [.. (await Host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = providerId, PageSize = 1000 })).Opportunities];

    private static List<Opportunity> Items(int count) => [.. Enumerable.Range(0, count).Select(i => Feeds.Item($"vac-{i}", $"Taalstage {i}"))];

    [Fact]
    public async Task A_full_feed_sent_twice_is_all_unchanged_the_second_time_with_no_new_versions_and_no_events()
    {
        var provider = await NewProviderAsync();
        var first = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(250), perChunk: 100);
        Assert.Equal((250, 0, 0, 0, 0), (first.Created, first.Changed, first.Unchanged, first.Closed, first.Rejected));
        var before = await StoredAsync(provider.Id);
        var events = fixture.Events.OpportunitiesChanged;

        var second = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(250), perChunk: 100);

        Assert.Equal((0, 0, 250, 0, 0), (second.Created, second.Changed, second.Unchanged, second.Closed, second.Rejected));
        Assert.Equal(events, fixture.Events.OpportunitiesChanged);
        Assert.Equal(before, await StoredAsync(provider.Id));
        Assert.All(before, o => Assert.Equal(1, o.Version));
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"vac-{i}").Order(StringComparer.Ordinal), before.Select(o => o.ExternalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_changed_item_gets_a_new_version_and_one_event_while_the_others_stay()
    {
        var provider = await NewProviderAsync();
        await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(3));
        var events = fixture.Events.OpportunitiesChanged;
        var changed = Items(3);
        changed[1].Capacity = 4;

        var response = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, changed);

        Assert.Equal((0, 1, 2, 0), (response.Created, response.Changed, response.Unchanged, response.Closed));
        Assert.Equal(events + 1, fixture.Events.OpportunitiesChanged);
        var stored = (await StoredAsync(provider.Id)).ToDictionary(o => o.ExternalId);
        Assert.Equal((2, 4), (stored["vac-1"].Version, stored["vac-1"].Capacity));
        Assert.Equal((1, 1), (stored["vac-0"].Version, stored["vac-2"].Version));
    }

    [Fact]
    public async Task A_full_feed_closes_the_open_items_it_misses_and_a_partial_feed_does_not()
    {
        var provider = await NewProviderAsync();
        var byHand = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(3));

        var partial = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Partial, Items(3).Take(1));
        Assert.Equal((0, 1, 0), (partial.Changed, partial.Unchanged, partial.Closed));
        Assert.All(await StoredAsync(provider.Id), o => Assert.Equal(OpportunityStatus.Open, o.Status));

        var full = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(3).Take(2));
        Assert.Equal((0, 2, 1), (full.Changed, full.Unchanged, full.Closed));
        var stored = (await StoredAsync(provider.Id)).ToDictionary(o => o.Id);
        Assert.Equal((OpportunityStatus.Closed, 2), (stored.Values.Single(o => o.ExternalId == "vac-2").Status, stored.Values.Single(o => o.ExternalId == "vac-2").Version));
        Assert.Equal(OpportunityStatus.Open, stored[byHand.Id].Status); // not a feed item: a feed never closes it

        var again = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(3).Take(2));
        Assert.Equal((0, 2, 0), (again.Changed, again.Unchanged, again.Closed));
        var back = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(3));
        Assert.Equal((1, 2, 0), (back.Changed, back.Unchanged, back.Closed));
        Assert.All(await StoredAsync(provider.Id), o => Assert.Equal(OpportunityStatus.Open, o.Status));
    }

    [Fact]
    public async Task A_feed_of_more_than_4_MB_goes_through_in_many_messages()
    {
        var provider = await NewProviderAsync();
        var items = Enumerable.Range(0, 10_000).Select(i => new Opportunity(Feeds.Item($"groot/{i:D5}")) { Description = new string('x', 500) + i }).ToList();
        Assert.True(items.Sum(i => i.CalculateSize()) > 5 * 1024 * 1024);

        var watch = Stopwatch.StartNew();
        var first = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, items);
        var firstTime = watch.Elapsed;
        watch.Restart();
        var second = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, items);
        var resendTime = watch.Elapsed;
        var batched = await NewProviderAsync();
        watch.Restart();
        foreach (var batch in items.Chunk(1000))
            await Host.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { batch.Select(i => new CreateOpportunityRequest { Opportunity = new Opportunity(i) { ProviderId = batched.Id } }) } });
        output.WriteLine($"10,000 items: first send {firstTime.TotalMilliseconds:F0} ms, unchanged resend {resendTime.TotalMilliseconds:F0} ms, " +
            $"BatchCreateOpportunities in batches of 1000 {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal((10_000, 0), (first.Created, first.Rejected));
        Assert.Equal((0, 10_000, 0), (second.Created, second.Unchanged, second.Changed));
    }

    [Fact]
    public async Task Bad_items_are_listed_with_index_field_and_reason_while_the_good_ones_are_written()
    {
        var provider = await NewProviderAsync();
        var other = await NewProviderAsync();
        var items = new List<Opportunity>
        {
            Feeds.Item("ok-1"),
            new(Feeds.Item("bad-title")) { Title = " " },
            Feeds.Item(""),
            Feeds.Item("ok-1"),
            new(Feeds.Item("foreign")) { ProviderId = other.Id },
            new(Feeds.Item("buddy")) { Kind = OpportunityKind.LanguageBuddy, Capacity = 9, Occupation = "" },
            Feeds.Item("ok-2"),
        };

        var response = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, items);

        Assert.Equal((2, 5, false), (response.Created, response.Rejected, response.RejectionsTruncated));
        Assert.Equal(
            [(1, "bad-title", "title", ViolationReasons.Required), (2, "", "external_id", ViolationReasons.InvalidId), (3, "ok-1", "external_id", ViolationReasons.Duplicate),
             (4, "foreign", "provider_id", ViolationReasons.NotAllowed), (5, "buddy", "capacity", ViolationReasons.OutOfRange)],
            response.RejectedItems.SelectMany(r => r.Violations.Select(v => (r.Index, r.ExternalId, v.Field, v.Reason))));
        Assert.All(response.RejectedItems.SelectMany(r => r.Violations), v => Assert.NotEmpty(v.Description));
        Assert.Equal(["ok-1", "ok-2"], (await StoredAsync(provider.Id)).Select(o => o.ExternalId).Order(StringComparer.Ordinal));

        var kindChanged = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Partial, [new(Build.Buddy("")) { ExternalId = "ok-2" }]);
        Assert.Equal((1, "kind", ViolationReasons.NotAllowed), (kindChanged.Rejected, kindChanged.RejectedItems[0].Violations.Single().Field, kindChanged.RejectedItems[0].Violations.Single().Reason));
    }

    [Fact]
    public async Task A_platform_feeds_the_providers_it_represents_and_no_others()
    {
        var represented = await NewProviderAsync("platform-feeds");
        var other = await NewProviderAsync();
        using var platform = Host.As(Roles.Platform, platform: "platform-feeds");
        using var provider = Host.As(Roles.Provider, providers: [other.Id]);

        Assert.Equal(2, (await Feeds.SendAsync(platform.Opportunities, represented.Id, SyncMode.Full, Items(2))).Created);
        Assert.Equal(2, (await Feeds.SendAsync(provider.Opportunities, other.Id, SyncMode.Full, Items(2))).Created);
        await Expect.Status(StatusCode.PermissionDenied, () => Feeds.SendAsync(platform.Opportunities, other.Id, SyncMode.Full, Items(2)));
        await Expect.Status(StatusCode.PermissionDenied, () => Feeds.SendAsync(provider.Opportunities, represented.Id, SyncMode.Full, Items(2)));
        Assert.Single(await StoredAsync(other.Id), o => o.ExternalId == "vac-0");
    }

    [Fact]
    public async Task A_malformed_feed_is_refused_whole_before_anything_is_written()
    {
        var provider = await NewProviderAsync();
        await Expect.InvalidField("chunk.items", ViolationReasons.TooMany, () => Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(1001), perChunk: 1001));
        await Expect.InvalidField("header.provider_id", ViolationReasons.InvalidId, () => Feeds.SendAsync(Host.Opportunities, "a b", SyncMode.Full, Items(1)));
        await Expect.Status(StatusCode.NotFound, () => Feeds.SendAsync(Host.Opportunities, "no-such-provider", SyncMode.Full, Items(1)));
        SyncOpportunitiesRequest header = new() { Header = new SyncHeader { ProviderId = provider.Id, Mode = SyncMode.Full } };
        SyncOpportunitiesRequest chunk = new() { Chunk = new SyncChunk { Items = { Feeds.Item("a") } } };
        await Expect.InvalidField("header", ViolationReasons.NotAllowed, () => Feeds.SendPartsAsync(Host.Opportunities, [header, chunk, header]));
        await Expect.InvalidField("chunk", ViolationReasons.Required, () => Feeds.SendPartsAsync(Host.Opportunities, [header, chunk, new SyncOpportunitiesRequest()]));
        await Expect.InvalidField("chunk.items", ViolationReasons.Required, () => Feeds.SendPartsAsync(Host.Opportunities, [header, new SyncOpportunitiesRequest { Chunk = new SyncChunk() }]));
        Assert.Empty(await StoredAsync(provider.Id));
    }

    [Fact]
    public async Task A_feed_in_one_message_is_the_same_feed_as_a_stream_with_the_same_counts_rejections_and_no_events_when_unchanged()
    {
        var provider = await NewProviderAsync();
        var items = Items(3);
        items.Add(new(Feeds.Item("bad-title")) { Title = " " });
        SyncOpportunityFeedRequest Feed(SyncMode mode, IEnumerable<Opportunity> sent) => new() { ProviderId = provider.Id, Mode = mode, Items = { sent } };

        var first = await Host.Opportunities.SyncOpportunityFeedAsync(Feed(SyncMode.Full, items));
        Assert.Equal((3, 0, 0, 0, 1), (first.Created, first.Changed, first.Unchanged, first.Closed, first.Rejected));
        Assert.Equal((3, "bad-title", "title", ViolationReasons.Required), (first.RejectedItems[0].Index, first.RejectedItems[0].ExternalId, first.RejectedItems[0].Violations[0].Field, first.RejectedItems[0].Violations[0].Reason));
        var events = fixture.Events.OpportunitiesChanged;

        // What one RPC wrote, the other finds unchanged: both are the one feed of (provider, external_id).
        var streamed = await Feeds.SendAsync(Host.Opportunities, provider.Id, SyncMode.Full, Items(3));
        var again = await Host.Opportunities.SyncOpportunityFeedAsync(Feed(SyncMode.Full, Items(3)));
        Assert.Equal((0, 0, 3, 0), (streamed.Created, streamed.Changed, streamed.Unchanged, streamed.Closed));
        Assert.Equal(streamed, again);
        Assert.Equal(events, fixture.Events.OpportunitiesChanged);

        var closing = await Host.Opportunities.SyncOpportunityFeedAsync(Feed(SyncMode.Full, Items(2)));
        Assert.Equal((0, 2, 1), (closing.Changed, closing.Unchanged, closing.Closed));
        Assert.Equal(OpportunityStatus.Closed, (await StoredAsync(provider.Id)).Single(o => o.ExternalId == "vac-2").Status);
        await Expect.InvalidField("items", ViolationReasons.TooMany, () => Host.Opportunities.SyncOpportunityFeedAsync(Feed(SyncMode.Partial, Items(1001))).ResponseAsync);
    }
}
