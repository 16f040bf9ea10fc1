using Dapr.AppCallback.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Api;
using Newcomers.Matching.Storage;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The platforms' pub/sub topics of match changes, across the three service processes, redis and
/// the sidecar double, which delivers every event twice. Each platform's app subscribes to its own
/// topic, as a partner's app behind its own sidecar would.
/// </summary>
public sealed class PlatformTopicTests : IAsyncLifetime
{
    private const string Ours = "platform-ours", Theirs = "platform-theirs";
    private DistributedDeployment deployment = null!;
    private AuthOptions auth = null!;

    public async Task InitializeAsync()
    {
        deployment = await DistributedDeployment.StartAsync(duplicateEvents: true);
        auth = new AuthOptions { SigningKey = deployment.SigningKey };
    }

    public async Task DisposeAsync() => await deployment.DisposeAsync();

    [Fact]
    public async Task A_platform_gets_its_own_match_changes_in_order_pseudonymised_and_recognisable_when_delivered_twice()
    {
        // Two matching replicas: only the one holding the lease publishes.
        await deployment.StartMatchingReplicaAsync();
        await using var ours = await TopicSubscriber.StartAsync(deployment.Sidecar, "platform-match-changes." + Ours);
        await using var theirs = await TopicSubscriber.StartAsync(deployment.Sidecar, "platform-match-changes." + Theirs);
        using var admin = As(Roles.Admin);
        var newcomer = await admin.Profiles.CreateNewcomerAsync(new() { Newcomer = NotSharing() });
        var ourPlacement = await PlacementAsync(admin, Ours);
        var theirPlacement = await PlacementAsync(admin, Theirs);
        var nobodysPlacement = await PlacementAsync(admin, "");

        var ourMatch = await ProposeAsync(admin, newcomer.Id, ourPlacement.Id);
        var theirMatch = await ProposeAsync(admin, newcomer.Id, theirPlacement.Id);
        await ProposeAsync(admin, newcomer.Id, nobodysPlacement.Id);
        await admin.Matching.RespondToMatchAsync(new() { MatchId = ourMatch.Id, Party = Party.Provider, Accept = true });

        var received = await DeliveriesAsync(ours, 2);
        Assert.Equal([(ourMatch.Id, 1L), (ourMatch.Id, 2L)], received.Select(c => (c.Match.Id, c.Match.Version)));
        Assert.True(received[0].Sequence < received[1].Sequence);
        Assert.Equal([0, received[0].Sequence], received.Select(c => c.PreviousSequence));
        Assert.All(received, c => Assert.Equal(Ours, c.PlatformId));
        Assert.Equal((Response.Pending, Response.Accepted), (received[0].Match.ProviderResponse, received[1].Match.ProviderResponse));

        // Every change was published once and delivered twice, both times with its sequence as the CloudEvent id and the same data.
        var byId = ours.Received.GroupBy(e => e.Id).ToList();
        Assert.Equal(received.Select(c => MatchChangeLog.IdOf(c.Sequence)), byId.Select(g => g.Key));
        Assert.All(byId, g => Assert.Equal(2, g.Count()));
        Assert.All(byId, g => Assert.Single(g.Select(e => e.Data).Distinct()));
        Assert.All(ours.Received, e => Assert.Equal("matching.v1.PlatformMatchChange", e.Type));

        // The platform's view, as ListMatches gives it: a pseudonym, no reason in words, only the reasons shown to providers.
        foreach (var delivery in ours.Received)
        {
            var json = delivery.Data.ToStringUtf8();
            Assert.DoesNotContain(newcomer.Id, json, StringComparison.Ordinal);
            Assert.DoesNotContain(newcomer.DisplayName, json, StringComparison.Ordinal);
        }
        Assert.All(received, c => Assert.StartsWith("cand-", c.Match.NewcomerId, StringComparison.Ordinal));
        Assert.All(received, c => Assert.Equal("", c.Match.Reason));
        Assert.All(received.SelectMany(c => c.Match.Reasons), r => Assert.Contains(r.Kind, MatchAccess.ShownToProviders));
        using var platform = As(Roles.Platform, platform: Ours, subject: "platform-app");
        var listed = await platform.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = ourPlacement.ProviderId });
        Assert.Equal(listed.Matches.Single(), received[1].Match);

        // Another platform's topic has only its match; the match of a provider without a platform went out on none.
        var theirsReceived = await DeliveriesAsync(theirs, 1);
        Assert.Equal([(theirMatch.Id, Theirs, 0L)], theirsReceived.Select(c => (c.Match.Id, c.PlatformId, c.PreviousSequence)));
        await Task.Delay(1500);
        Assert.Equal(4, ours.Received.Count);
        Assert.Equal(2, theirs.Received.Count);

        // The event's cursor resumes a watch for any token of the platform, and for no other platform.
        using var watch = platform.Matching.WatchMatches(new WatchMatchesRequest { Cursor = received[0].Cursor });
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(received[1].Match, watch.ResponseStream.Current.Match);
        using var other = As(Roles.Platform, platform: Theirs);
        await Expect.InvalidField("cursor", ViolationReasons.InvalidCursor,
            () => other.Matching.WatchMatches(new WatchMatchesRequest { Cursor = received[0].Cursor }).ResponseStream.MoveNext(CancellationToken.None));
        await Expect.InvalidField("cursor", ViolationReasons.InvalidCursor,
            () => platform.Matching.WatchMatches(new WatchMatchesRequest { Cursor = received[0].Cursor, ProviderId = ourPlacement.ProviderId }).ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task A_change_committed_but_not_published_before_a_crash_goes_out_after_the_restart()
    {
        await using var ours = await TopicSubscriber.StartAsync(deployment.Sidecar, "platform-match-changes." + Ours);
        using var admin = As(Roles.Admin);
        var newcomer = await admin.Profiles.CreateNewcomerAsync(new() { Newcomer = NotSharing() });
        var placements = new[] { await PlacementAsync(admin, Ours), await PlacementAsync(admin, Ours) };
        var published = await ProposeAsync(admin, newcomer.Id, placements[0].Id);
        await DeliveriesAsync(ours, 1);

        // The broker goes away: the change commits, its publish fails, and then the matching process dies.
        deployment.Sidecar.RefusePublishes = true;
        var unpublished = await admin.Matching.ProposeMatchAsync(new() { NewcomerId = newcomer.Id, OpportunityId = placements[1].Id, CaseworkerId = "soest-km-1" });
        await Task.Delay(1500);
        Assert.Equal(2, ours.Received.Count);
        await deployment.Matching.KillAsync();
        deployment.Sidecar.RefusePublishes = false;
        await deployment.Matching.StartAsync();

        var received = await DeliveriesAsync(ours, 2);
        Assert.Equal([published.Id, unpublished.Id], received.Select(c => c.Match.Id));
        Assert.Equal(received[0].Sequence, received[1].PreviousSequence);
        // What went out before the crash did not go out again.
        await Task.Delay(1500);
        Assert.All(ours.Received.GroupBy(e => e.Id), g => Assert.Equal(2, g.Count()));
    }

    /// <summary>The distinct changes delivered, in order of first delivery, once at least this many have come.</summary>
    private static async Task<List<PlatformMatchChange>> DeliveriesAsync(TopicSubscriber subscriber, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Distinct(subscriber.Received).Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        var changes = Distinct(subscriber.Received);
        Assert.True(changes.Count >= count, $"{changes.Count} of {count} changes arrived on {subscriber.Topic}");
        return changes;
    }

    private static List<PlatformMatchChange> Distinct(IEnumerable<TopicEventRequest> deliveries) =>
        [.. deliveries.DistinctBy(e => e.Id).Select(e => JsonParser.Default.Parse<PlatformMatchChange>(e.Data.ToStringUtf8()))];

    private static Newcomer NotSharing()
    {
        var newcomer = Build.Newcomer();
        newcomer.Consent.ShareWithProviders = false;
        return newcomer;
    }

    private static async Task<Opportunity> PlacementAsync(Clients admin, string platform)
    {
        var provider = await admin.Opportunities.CreateProviderAsync(new() { Provider = new Provider(Build.Provider()) { PlatformId = platform } });
        return await admin.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(provider.Id) });
    }

    /// <summary>Proposes once the opportunity's event has reached the matching process.</summary>
    private static Task<Match> ProposeAsync(Clients admin, string newcomerId, string opportunityId) =>
        Eventually.Async(() => admin.Matching.ProposeMatchAsync(new() { NewcomerId = newcomerId, OpportunityId = opportunityId, CaseworkerId = "soest-km-1" }).ResponseAsync);

    private Clients As(string role, string platform = "", string? subject = null)
    {
        var token = LocalTokens.Mint(auth, subject ?? $"test-{role}-{platform}", role, platform: platform);
        return new Clients(BearerChannel.For(deployment.Profiles.GrpcAddress, token), BearerChannel.For(deployment.Opportunities.GrpcAddress, token),
            BearerChannel.For(deployment.Matching.GrpcAddress, token));
    }
}
