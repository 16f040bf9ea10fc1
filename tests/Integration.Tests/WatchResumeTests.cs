using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;

namespace Newcomers.Integration.Tests;

/// <summary>WatchMatches resumes from a cursor: the changes since, in order, once each, then the live ones.</summary>
public sealed class WatchResumeTests
{
    private const string Platform = "platform-watch";

    [Fact]
    public async Task A_platform_that_watches_again_with_its_last_cursor_gets_every_change_since_in_order_then_the_live_ones_also_after_a_restart()
    {
        var data = RunningHost.NewDataDirectory();
        string cursor, first, second;
        await using (var host = await RunningHost.StartAsync(data))
        {
            var placements = await PlacementsAsync(host, 2);
            var newcomer = await host.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() });
            using var platform = host.As(Roles.Platform, platform: Platform);
            using (var watch = platform.Matching.WatchMatches(new WatchMatchesRequest()))
            {
                await watch.ResponseHeadersAsync;
        var next = watch.ResponseStream.MoveNext(CancellationToken.None);
                first = (await host.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placements[0].Id, CaseworkerId = "km" })).Id;
                Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
                Assert.Equal((first, 1L), (watch.ResponseStream.Current.Match.Id, watch.ResponseStream.Current.Match.Version));
                cursor = watch.ResponseStream.Current.Cursor;
            }
            // While the platform is away: the provider accepts the first, and a second is proposed.
            await host.Matching.RespondToMatchAsync(new() { MatchId = first, Party = Party.Provider, Accept = true });
            second = (await host.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placements[1].Id, CaseworkerId = "km" })).Id;
        }

        await using var restarted = await RunningHost.StartAsync(data);
        await restarted.Matching.RespondToMatchAsync(new() { MatchId = first, Party = Party.Newcomer, Accept = true });
        using var again = restarted.As(Roles.Platform, platform: Platform);
        using var resumed = again.Matching.WatchMatches(new WatchMatchesRequest { Cursor = cursor });
        var missed = new[] { await NextAsync(resumed), await NextAsync(resumed), await NextAsync(resumed) };
        Assert.Equal([(first, 2L), (second, 1L), (first, 3L)], missed.Select(e => (e.Match.Id, e.Match.Version)));
        Assert.Equal(MatchState.Accepted, missed[2].Match.State);

        // Then the live changes, without a gap or a duplicate at the seam.
        var pending = resumed.ResponseStream.MoveNext(CancellationToken.None);
        await restarted.Matching.RecordOutcomeAsync(new() { MatchId = first, Outcome = Outcome.Started });
        Assert.True(await pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((first, 4L, MatchState.Started), (resumed.ResponseStream.Current.Match.Id, resumed.ResponseStream.Current.Match.Version, resumed.ResponseStream.Current.Match.State));
        await NothingMoreAsync(resumed);
    }

    [Fact]
    public async Task A_cursor_older_than_the_changes_kept_is_out_of_range_and_a_kept_one_resumes()
    {
        await using var host = await RunningHost.StartAsync(null, "--Matching:MatchChangesKept=2");
        var placements = await PlacementsAsync(host, 4);
        var newcomer = await host.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() });
        using var platform = host.As(Roles.Platform, platform: Platform);
        using var watch = platform.Matching.WatchMatches(new WatchMatchesRequest());
        await watch.ResponseHeadersAsync;
        var next = watch.ResponseStream.MoveNext(CancellationToken.None);
        var proposed = new List<string>();
        foreach (var placement in placements)
            proposed.Add((await host.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "km" })).Id);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        var oldest = watch.ResponseStream.Current.Cursor;
        var kept = (await NextAsync(watch)).Cursor;

        var error = await Expect.Status(StatusCode.OutOfRange, () => platform.Matching.WatchMatches(new WatchMatchesRequest { Cursor = oldest }).ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("ListMatches", error.Status.Detail, StringComparison.Ordinal);
        using var resumed = platform.Matching.WatchMatches(new WatchMatchesRequest { Cursor = kept });
        Assert.Equal(proposed[2..], [(await NextAsync(resumed)).Match.Id, (await NextAsync(resumed)).Match.Id]);
    }

    [Fact]
    public async Task A_cursor_of_another_caller_or_another_watch_is_invalid()
    {
        await using var host = await RunningHost.StartAsync();
        var placements = await PlacementsAsync(host, 1);
        var newcomer = await host.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() });
        using var platform = host.As(Roles.Platform, platform: Platform);
        using var watch = platform.Matching.WatchMatches(new WatchMatchesRequest());
        await watch.ResponseHeadersAsync;
        var next = watch.ResponseStream.MoveNext(CancellationToken.None);
        await host.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placements[0].Id, CaseworkerId = "km" });
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        var cursor = watch.ResponseStream.Current.Cursor;

        using var otherPlatform = host.As(Roles.Platform, platform: "platform-other");
        using var caseworker = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        foreach (var (clients, request) in new[]
        {
            (otherPlatform, new WatchMatchesRequest { Cursor = cursor }),
            (caseworker, new WatchMatchesRequest { Cursor = cursor }),
            (platform, new WatchMatchesRequest { Cursor = cursor, ProviderId = placements[0].ProviderId }),
            (platform, new WatchMatchesRequest { Cursor = cursor[..^2] + (cursor[^2] == 'A' ? "BA" : "AA") }),
        })
            await Expect.InvalidField("cursor", ViolationReasons.InvalidCursor, () => clients.Matching.WatchMatches(request).ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_a_newcomer_removes_their_changes_from_the_change_log()
    {
        await using var host = await RunningHost.StartAsync();
        var placements = await PlacementsAsync(host, 2);
        var stays = await host.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() });
        var erased = await host.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() });
        using var watch = host.Matching.WatchMatches(new WatchMatchesRequest());
        await watch.ResponseHeadersAsync;
        var next = watch.ResponseStream.MoveNext(CancellationToken.None);
        var kept = await host.Matching.ProposeMatchAsync(new() { NewcomerId = stays.Id, OpportunityId = placements[0].Id, CaseworkerId = "km" });
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        var cursor = watch.ResponseStream.Current.Cursor;
        var gone = await host.Matching.ProposeMatchAsync(new() { NewcomerId = erased.Id, OpportunityId = placements[1].Id, CaseworkerId = "km" });
        await host.Matching.RespondToMatchAsync(new() { MatchId = gone.Id, Party = Party.Provider, Accept = true });
        await host.Matching.RespondToMatchAsync(new() { MatchId = kept.Id, Party = Party.Provider, Accept = true });
        Assert.Equal([gone.Id, gone.Id, kept.Id], [(await NextAsync(watch)).Match.Id, (await NextAsync(watch)).Match.Id, (await NextAsync(watch)).Match.Id]);

        await host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = erased.Id });
        var store = host.Services.GetRequiredService<MatchStore>();
        var left = await Eventually.Async(() => store.ListAsync(MatchChangeLog.Entries, new IndexEntry("newcomer", erased.Id), 10, null), l => l.Items.Count == 0);
        Assert.Empty(left.Items);
        Assert.NotEmpty((await store.ListAsync(MatchChangeLog.Entries, new IndexEntry("newcomer", stays.Id), 10, null)).Items);

        using var resumed = host.Matching.WatchMatches(new WatchMatchesRequest { Cursor = cursor });
        Assert.Equal((kept.Id, 2L), ((await NextAsync(resumed)).Match.Id, resumed.ResponseStream.Current.Match.Version));
        await NothingMoreAsync(resumed);
    }

    [Fact]
    public async Task Two_replicas_on_one_redis_give_their_changes_one_order_and_a_cursor_of_one_resumes_on_the_other()
    {
        var redis = new TestSupport.RedisServer();
        await redis.InitializeAsync();
        try
        {
            string[] args = ["--Storage:Kind=redis", $"--Storage:Redis={redis.ConnectionString}"];
            await using var one = await RunningHost.StartAsync(null, args);
            var placements = await PlacementsAsync(one, 2);
            var newcomer = await one.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() });
            var first = await one.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placements[0].Id, CaseworkerId = "km" });
            await using var two = await RunningHost.StartAsync(null, args);
            using var watch = two.Matching.WatchMatches(new WatchMatchesRequest());
            await watch.ResponseHeadersAsync;

            // A change on one replica reaches a watcher on the other; then both change at once.
            await one.Matching.RespondToMatchAsync(new() { MatchId = first.Id, Party = Party.Provider, Accept = true });
            var accepted = await NextAsync(watch);
            Assert.Equal((first.Id, 2L), (accepted.Match.Id, accepted.Match.Version));
            var both = await Task.WhenAll(
                one.Matching.RespondToMatchAsync(new() { MatchId = first.Id, Party = Party.Newcomer, Accept = true }).ResponseAsync,
                two.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placements[1].Id, CaseworkerId = "km" }).ResponseAsync);
            var seen = new[] { await NextAsync(watch), await NextAsync(watch) }.Select(e => (e.Match.Id, e.Match.Version)).ToList();
            Assert.Equal(both.Select(m => (m.Id, m.Version)).Order(), seen.Order());

            using var onOne = one.Matching.WatchMatches(new WatchMatchesRequest { Cursor = accepted.Cursor });
            Assert.Equal(seen, [((await NextAsync(onOne)).Match.Id, onOne.ResponseStream.Current.Match.Version), ((await NextAsync(onOne)).Match.Id, onOne.ResponseStream.Current.Match.Version)]);
            await NothingMoreAsync(onOne);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private static async Task<List<Opportunity>> PlacementsAsync(RunningHost host, int count)
    {
        var provider = await host.Opportunities.CreateProviderAsync(new() { Provider = new Provider(Build.Provider()) { PlatformId = Platform } });
        var placements = new List<Opportunity>();
        for (var i = 0; i < count; i++) placements.Add(await host.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(provider.Id) }));
        return placements;
    }

    private static async Task<WatchMatchesResponse> NextAsync(AsyncServerStreamingCall<WatchMatchesResponse> watch)
    {
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        return watch.ResponseStream.Current;
    }

    /// <summary>No further event within a few polls of the change log: nothing came twice.</summary>
    private static async Task NothingMoreAsync(AsyncServerStreamingCall<WatchMatchesResponse> watch)
    {
        var more = watch.ResponseStream.MoveNext(CancellationToken.None);
        Assert.NotSame(more, await Task.WhenAny(more, Task.Delay(TimeSpan.FromSeconds(2.5))));
    }
}
