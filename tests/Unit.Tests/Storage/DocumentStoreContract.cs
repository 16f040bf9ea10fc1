using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.TestSupport;

namespace Newcomers.Unit.Tests.Storage;

/// <summary>What every adapter of the storage port must do. One subclass per adapter.</summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    protected IDocumentStore Store { get; private set; } = null!;

    protected abstract Task<IDocumentStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    private static byte[] Body(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_put_is_read_back_at_the_next_version()
    {
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 0, Body("one"), []));
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 1, Body("two"), []));
        var stored = await Store.GetAsync("c", "a");
        Assert.Equal((2L, "two"), (stored!.Version, System.Text.Encoding.UTF8.GetString(stored.Body)));
        Assert.Null(await Store.GetAsync("c", "missing"));
    }

    [Fact]
    public async Task A_stale_or_duplicate_write_conflicts_and_changes_nothing()
    {
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 0, Body("one"), []));
        var duplicate = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet().Put("c", "a", 0, Body("again"), [])));
        Assert.Equal(1, duplicate.Actual);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet().Put("c", "a", 5, Body("stale"), [])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet().Delete("c", "a", 3)));
        Assert.Equal("one", System.Text.Encoding.UTF8.GetString((await Store.GetAsync("c", "a"))!.Body));
    }

    [Fact]
    public async Task A_failing_change_undoes_the_whole_change_set()
    {
        await Store.CommitAsync(new ChangeSet().Claim("k", "owner-1"));
        var changes = new ChangeSet().Put("c", "b", 0, Body("x"), [new IndexEntry("i", "v")]).Reserve("counter", 5).Claim("k", "owner-2")
            .Publish(new IntegrationEvent { Id = "e" });
        await Assert.ThrowsAsync<UniqueConflictException>(() => Store.CommitAsync(changes));
        Assert.Null(await Store.GetAsync("c", "b"));
        Assert.Equal(0, await Store.GetCounterAsync("counter"));
        Assert.Empty(await Store.ListAsync("c", new IndexEntry("i", "v"), 10, null));
        Assert.Empty(await Store.ReadOutboxAsync(10, DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task Secondary_indexes_page_in_id_order_and_follow_changes()
    {
        for (var i = 0; i < 5; i++)
            await Store.CommitAsync(new ChangeSet().Put("c", $"id{i}", 0, Body("x"), [new IndexEntry("town", i % 2 == 0 ? "even" : "odd")]));
        var even = await Store.ListAsync("c", new IndexEntry("town", "even"), 2, null);
        Assert.Equal(["id0", "id2"], even.Select(d => d.Id));
        Assert.Equal(["id4"], (await Store.ListAsync("c", new IndexEntry("town", "even"), 2, "id2")).Select(d => d.Id));
        Assert.Equal(["id4", "id3"], (await Store.ListAsync("c", null, 2, null, descending: true)).Select(d => d.Id));

        await Store.CommitAsync(new ChangeSet().Put("c", "id0", 1, Body("moved"), [new IndexEntry("town", "odd")]));
        await Store.CommitAsync(new ChangeSet().Delete("c", "id4", 1));
        Assert.Equal(["id2"], (await Store.ListAsync("c", new IndexEntry("town", "even"), 10, null)).Select(d => d.Id));
        Assert.Equal(["id0", "id1", "id3"], (await Store.ListAsync("c", new IndexEntry("town", "odd"), 10, null)).Select(d => d.Id));
    }

    [Fact]
    public async Task A_reindex_rewrites_only_the_index_entries_at_the_version_held()
    {
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 0, Body("one"), [new IndexEntry("town", "soest")]));
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 1, Body("two"), [new IndexEntry("town", "soest")]));

        await Store.CommitAsync(new ChangeSet().Index("c", "a", 2, [new IndexEntry("town", "soest"), new IndexEntry("provider", "bakkerij")]));

        var stored = await Store.GetAsync("c", "a");
        Assert.Equal((2L, "two"), (stored!.Version, System.Text.Encoding.UTF8.GetString(stored.Body)));
        Assert.Equal(["a"], (await Store.ListAsync("c", new IndexEntry("provider", "bakkerij"), 10, null)).Select(d => d.Id));
        Assert.Equal(["a"], (await Store.ListAsync("c", new IndexEntry("town", "soest"), 10, null)).Select(d => d.Id));
        // A stale or missing document is a conflict, and the next write replaces the entries as before.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet().Index("c", "a", 1, [new IndexEntry("town", "baarn")])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new ChangeSet().Index("c", "missing", 1, [new IndexEntry("town", "baarn")])));
        Assert.Empty(await Store.ListAsync("c", new IndexEntry("town", "baarn"), 10, null));
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 2, Body("three"), [new IndexEntry("town", "baarn")]));
        Assert.Empty(await Store.ListAsync("c", new IndexEntry("provider", "bakkerij"), 10, null));
        Assert.Equal(["a"], (await Store.ListAsync("c", new IndexEntry("town", "baarn"), 10, null)).Select(d => d.Id));
    }

    [Fact]
    public async Task A_unique_key_has_one_owner_until_released()
    {
        await Store.CommitAsync(new ChangeSet().Claim("pair", "m1"));
        await Store.CommitAsync(new ChangeSet().Claim("pair", "m1"));
        var conflict = await Assert.ThrowsAsync<UniqueConflictException>(() => Store.CommitAsync(new ChangeSet().Claim("pair", "m2")));
        Assert.Equal("m1", conflict.Owner);
        await Store.CommitAsync(new ChangeSet().Release("pair"));
        await Store.CommitAsync(new ChangeSet().Claim("pair", "m2"));
        Assert.Equal("m2", await Store.GetUniqueOwnerAsync("pair"));
    }

    [Fact]
    public async Task A_unique_key_can_change_hands_within_one_change_set()
    {
        await Store.CommitAsync(new ChangeSet().Claim("state", "active"));
        await Store.CommitAsync(new ChangeSet().Release("state").Claim("state", "erased"));
        Assert.Equal("erased", await Store.GetUniqueOwnerAsync("state"));
        await Assert.ThrowsAsync<UniqueConflictException>(() => Store.CommitAsync(new ChangeSet().Claim("state", "active")));
    }

    [Fact]
    public async Task Unique_keys_can_be_asked_for_by_prefix()
    {
        Assert.False(await Store.AnyUniqueWithPrefixAsync("id:newcomers:"));
        await Store.CommitAsync(new ChangeSet().Claim("keyed-id:newcomers:abc", "in-use").Claim("id:providers:def", "retired").Claim("id:newcomers[x]*", "odd"));
        Assert.False(await Store.AnyUniqueWithPrefixAsync("id:newcomers:"));
        Assert.True(await Store.AnyUniqueWithPrefixAsync("id:providers:"));
        Assert.True(await Store.AnyUniqueWithPrefixAsync("id:newcomers["));
        await Store.CommitAsync(new ChangeSet().Release("id:providers:def"));
        Assert.False(await Store.AnyUniqueWithPrefixAsync("id:providers:"));
    }

    [Fact]
    public async Task A_counter_never_passes_its_limit_under_concurrent_reservations()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await Store.CommitAsync(new ChangeSet().Reserve("places", 3));
                return true;
            }
            catch (CapacityExceededException)
            {
                return false;
            }
        }));
        Assert.Equal(3, results.Count(ok => ok));
        Assert.Equal(3, await Store.GetCounterAsync("places"));
        await Store.CommitAsync(new ChangeSet().Free("places"));
        await Store.CommitAsync(new ChangeSet().Reserve("places", 3));
        await Assert.ThrowsAsync<CapacityExceededException>(() => Store.CommitAsync(new ChangeSet().Reserve("places", 3)));
    }

    [Fact]
    public async Task Scrubbing_after_a_deletion_keeps_everything_else()
    {
        await Store.CommitAsync(new ChangeSet().Put("c", "keep", 0, Body("kept"), [new IndexEntry("i", "k")]).Put("c", "gone", 0, Body("gone"), []));
        await Store.CommitAsync(new ChangeSet().Delete("c", "gone", 1));
        await Store.ScrubAsync();
        Assert.Null(await Store.GetAsync("c", "gone"));
        Assert.Equal(["keep"], (await Store.ListAsync("c", new IndexEntry("i", "k"), 10, null)).Select(d => d.Id));
    }

    [Fact]
    public async Task Committed_events_wait_in_the_outbox_until_acknowledged()
    {
        var sequences = await Store.CommitAsync(new ChangeSet().Publish(new IntegrationEvent { Id = "e1" }).Publish(new IntegrationEvent { Id = "e2" }));
        var pending = await Store.ReadOutboxAsync(10, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(["e1", "e2"], pending.Select(e => IntegrationEvent.Parser.ParseFrom(e.Body).Id));
        await Store.AcknowledgeOutboxAsync([sequences[0]]);
        Assert.Equal(["e2"], (await Store.ReadOutboxAsync(10, DateTimeOffset.UtcNow.AddSeconds(5))).Select(e => IntegrationEvent.Parser.ParseFrom(e.Body).Id));
    }
}

public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly string path = Path.Combine(Directory.CreateTempSubdirectory("store-").FullName, "test.db");

    protected override Task<IDocumentStore> OpenAsync() => Task.FromResult<IDocumentStore>(new SqliteDocumentStore(path));

    [Fact]
    public async Task Commits_survive_reopening_the_file()
    {
        await Store.CommitAsync(new ChangeSet().Put("c", "a", 0, [1, 2, 3], []).Reserve("n", 9));
        await Store.DisposeAsync();
        await using var reopened = new SqliteDocumentStore(path);
        Assert.Equal([1, 2, 3], (await reopened.GetAsync("c", "a"))!.Body);
        Assert.Equal(1, await reopened.GetCounterAsync("n"));
    }
}

/// <summary>The same contract on a real redis-server; each test has its own key prefix.</summary>
public sealed class RedisDocumentStoreTests(RedisServer redis) : DocumentStoreContract, IClassFixture<RedisServer>
{
    protected override Task<IDocumentStore> OpenAsync() =>
        Task.FromResult<IDocumentStore>(new RedisDocumentStore(redis.Connection, $"test-{Guid.NewGuid():N}:"));
}
