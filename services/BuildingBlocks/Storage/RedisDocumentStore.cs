using StackExchange.Redis;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// The distributed adapter: one Redis database, every key under the service's prefix. A document is
/// a hash (version, body, its index entries); a collection and each secondary index are sorted sets
/// of ids read in lexical order; uniques and counters are hashes. A commit is one Lua script that
/// checks every precondition first and only then applies every change, so it is all or nothing and
/// serialised with every other commit (Redis runs one script at a time).
/// </summary>
public sealed class RedisDocumentStore(IConnectionMultiplexer redis, string prefix) : IDocumentStore
{
    private const char FieldSeparator = '\u001f';
    private const char EntrySeparator = '\u001e';
    private readonly IDatabase db = redis.GetDatabase();

    private const string CommitScript = """
        local p = ARGV[1]
        local n = tonumber(ARGV[2])
        local ops, i = {}, 3
        for k = 1, n do
          local t = ARGV[i]
          if t == 'put' then ops[k] = {t, ARGV[i+1], ARGV[i+2], tonumber(ARGV[i+3]), ARGV[i+4], ARGV[i+5]}; i = i + 6
          elseif t == 'del' then ops[k] = {t, ARGV[i+1], ARGV[i+2], tonumber(ARGV[i+3])}; i = i + 4
          elseif t == 'index' then ops[k] = {t, ARGV[i+1], ARGV[i+2], tonumber(ARGV[i+3]), ARGV[i+4]}; i = i + 5
          elseif t == 'reserve' then ops[k] = {t, ARGV[i+1], tonumber(ARGV[i+2])}; i = i + 3
          elseif t == 'claim' or t == 'event' then ops[k] = {t, ARGV[i+1], ARGV[i+2]}; i = i + 3
          else ops[k] = {t, ARGV[i+1]}; i = i + 2 end
        end
        local pending, owners = {}, {}
        for k = 1, n do
          local o = ops[k]
          if o[1] == 'put' or o[1] == 'del' or o[1] == 'index' then
            local v = tonumber(redis.call('HGET', p .. 'doc:' .. o[2] .. ':' .. o[3], 'v') or '0')
            if v ~= o[4] then return {'conflict', o[2], o[3], tostring(v)} end
          elseif o[1] == 'release' then
            owners[o[2]] = false
          elseif o[1] == 'claim' then
            local owner = owners[o[2]]
            if owner == nil then owner = redis.call('HGET', p .. 'uniques', o[2]) end
            if owner and owner ~= o[3] then return {'unique', o[2], owner} end
            owners[o[2]] = o[3]
          elseif o[1] == 'reserve' then
            local taken = tonumber(redis.call('HGET', p .. 'counters', o[2]) or '0') + (pending[o[2]] or 0)
            if taken >= o[3] then return {'capacity', o[2], tostring(o[3])} end
            pending[o[2]] = (pending[o[2]] or 0) + 1
          end
        end
        local function unindex(c, id, doc)
          local old = redis.call('HGET', doc, 'i')
          if old and old ~= '' then
            for entry in string.gmatch(old, '[^\30]+') do redis.call('ZREM', p .. 'idx:' .. c .. ':' .. entry, id) end
          end
        end
        local function index(c, id, doc, entries)
          redis.call('HSET', doc, 'i', entries)
          if entries ~= '' then
            for entry in string.gmatch(entries, '[^\30]+') do redis.call('ZADD', p .. 'idx:' .. c .. ':' .. entry, 0, id) end
          end
        end
        local seqs = {'ok'}
        for k = 1, n do
          local o = ops[k]
          if o[1] == 'put' then
            local doc = p .. 'doc:' .. o[2] .. ':' .. o[3]
            unindex(o[2], o[3], doc)
            redis.call('HSET', doc, 'v', o[4] + 1, 'b', o[5])
            index(o[2], o[3], doc, o[6])
            redis.call('ZADD', p .. 'ids:' .. o[2], 0, o[3])
          elseif o[1] == 'index' then
            local doc = p .. 'doc:' .. o[2] .. ':' .. o[3]
            unindex(o[2], o[3], doc)
            index(o[2], o[3], doc, o[5])
          elseif o[1] == 'del' then
            local doc = p .. 'doc:' .. o[2] .. ':' .. o[3]
            unindex(o[2], o[3], doc)
            redis.call('DEL', doc)
            redis.call('ZREM', p .. 'ids:' .. o[2], o[3])
          elseif o[1] == 'claim' then redis.call('HSET', p .. 'uniques', o[2], o[3])
          elseif o[1] == 'release' then redis.call('HDEL', p .. 'uniques', o[2])
          elseif o[1] == 'reserve' then redis.call('HINCRBY', p .. 'counters', o[2], 1)
          elseif o[1] == 'free' then
            if tonumber(redis.call('HGET', p .. 'counters', o[2]) or '0') > 0 then redis.call('HINCRBY', p .. 'counters', o[2], -1) end
          elseif o[1] == 'event' then
            local seq = redis.call('INCR', p .. 'outbox:seq')
            redis.call('ZADD', p .. 'outbox', tonumber(o[2]), seq)
            redis.call('HSET', p .. 'outbox:bodies', seq, o[3])
            seqs[#seqs + 1] = seq
          end
        end
        return seqs
        """;

    public async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var values = await db.HashGetAsync(DocumentKey(collection, id), ["v", "b"]);
        return values[0].IsNull ? null : new StoredDocument(id, (long)values[0], (byte[])values[1]!);
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, IndexEntry? index, int limit, string? afterId,
        bool descending = false, CancellationToken cancellationToken = default)
    {
        var set = index is null ? $"{prefix}ids:{collection}" : $"{prefix}idx:{collection}:{index.Name}{FieldSeparator}{index.Key}";
        var ids = descending
            ? await db.SortedSetRangeByValueAsync(set, default, afterId is null ? default(RedisValue) : afterId, afterId is null ? Exclude.None : Exclude.Stop, Order.Descending, 0, limit)
            : await db.SortedSetRangeByValueAsync(set, afterId is null ? default(RedisValue) : afterId, default, afterId is null ? Exclude.None : Exclude.Start, Order.Ascending, 0, limit);
        var documents = new List<StoredDocument>(ids.Length);
        foreach (var id in ids)
            if (await GetAsync(collection, id!, cancellationToken) is { } document) documents.Add(document);
        return documents;
    }

    public async Task<bool> AnyUniqueWithPrefixAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        var pattern = System.Text.RegularExpressions.Regex.Replace(keyPrefix, @"[*?\[\]\\]", @"\$0") + "*";
        await foreach (var _ in db.HashScanAsync($"{prefix}uniques", pattern).WithCancellation(cancellationToken)) return true;
        return false;
    }

    public async Task<string?> GetUniqueOwnerAsync(string key, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync($"{prefix}uniques", key) is { IsNull: false } owner ? (string?)owner : null;

    public async Task<long> GetCounterAsync(string key, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync($"{prefix}counters", key) is { IsNull: false } value ? (long)value : 0;

    public async Task<IReadOnlyList<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        var args = new List<RedisValue> { prefix, changes.Changes.Count + changes.Events.Count };
        foreach (var change in changes.Changes)
            args.AddRange(change switch
            {
                PutDocument put => ["put", put.Collection, put.Id, put.ExpectedVersion, put.Body, Entries(put.Indexes)],
                IndexDocument index => ["index", index.Collection, index.Id, index.ExpectedVersion, Entries(index.Indexes)],
                DeleteDocument delete => ["del", delete.Collection, delete.Id, delete.ExpectedVersion],
                ClaimUnique claim => ["claim", claim.Key, claim.Owner],
                ReleaseUnique release => ["release", release.Key],
                ReserveSlot reserve => ["reserve", reserve.Counter, reserve.Limit],
                FreeSlot free => ["free", free.Counter],
                _ => throw new ArgumentOutOfRangeException(nameof(changes), change.GetType().Name, "unknown change"),
            });
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var integrationEvent in changes.Events)
            args.AddRange(["event", now, Google.Protobuf.MessageExtensions.ToByteArray(integrationEvent)]);
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(CommitScript, values: [.. args]))!;
        return ((string)result[0]!) switch
        {
            "ok" => result.Skip(1).Select(r => (long)r).ToList(),
            "conflict" => throw new ConcurrencyConflictException((string)result[1]!, (string)result[2]!, Expected(changes, (string)result[1]!, (string)result[2]!), long.Parse((string)result[3]!, System.Globalization.CultureInfo.InvariantCulture)),
            "unique" => throw new UniqueConflictException((string)result[1]!, (string)result[2]!),
            _ => throw new CapacityExceededException((string)result[1]!, long.Parse((string)result[2]!, System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int limit, DateTimeOffset committedBefore, CancellationToken cancellationToken = default)
    {
        var sequences = await db.SortedSetRangeByScoreAsync($"{prefix}outbox", double.NegativeInfinity, committedBefore.ToUnixTimeMilliseconds(),
            Exclude.Stop, Order.Ascending, 0, limit);
        if (sequences.Length == 0) return [];
        var bodies = await db.HashGetAsync($"{prefix}outbox:bodies", sequences);
        return sequences.Zip(bodies).Where(x => !x.Second.IsNull).Select(x => new OutboxEntry((long)x.First, (byte[])x.Second!))
            .OrderBy(e => e.Sequence).ToList();
    }

    public async Task AcknowledgeOutboxAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        if (sequences.Count == 0) return;
        var members = sequences.Select(s => (RedisValue)s).ToArray();
        await db.SortedSetRemoveAsync($"{prefix}outbox", members);
        await db.HashDeleteAsync($"{prefix}outbox:bodies", members);
    }

    /// <summary>
    /// Redis keeps data in memory; its append-only file may still hold erased values until it is
    /// rewritten. Redis runs one rewrite at a time, and one already running may have started before
    /// the erasure: so wait for it, then rewrite, and wait until that rewrite is done.
    /// </summary>
    public async Task ScrubAsync(CancellationToken cancellationToken = default)
    {
        await Scrubbing.WaitAsync(cancellationToken);
        try
        {
            foreach (var endpoint in redis.GetEndPoints())
            {
                var server = redis.GetServer(endpoint);
                if ((string?)(await server.ConfigGetAsync("appendonly")).FirstOrDefault().Value != "yes") continue;
                await WhileRewritingAsync(server, cancellationToken);
                for (var started = false; !started;)
                {
                    try
                    {
                        await server.ExecuteAsync("BGREWRITEAOF");
                        started = true;
                    }
                    catch (RedisServerException e) when (e.Message.Contains("in progress", StringComparison.OrdinalIgnoreCase))
                    {
                        await WhileRewritingAsync(server, cancellationToken); // another process's scrub got there first
                    }
                }
                await WhileRewritingAsync(server, cancellationToken);
            }
        }
        finally
        {
            Scrubbing.Release();
        }
    }

    private static readonly SemaphoreSlim Scrubbing = new(1, 1);

    private static async Task WhileRewritingAsync(IServer server, CancellationToken cancellationToken)
    {
        while (true)
        {
            var persistence = (await server.InfoAsync("persistence")).SelectMany(group => group).ToDictionary(kv => kv.Key, kv => kv.Value);
            if (persistence.GetValueOrDefault("aof_rewrite_in_progress") == "0" && persistence.GetValueOrDefault("aof_rewrite_scheduled") == "0") return;
            await Task.Delay(20, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string DocumentKey(string collection, string id) => $"{prefix}doc:{collection}:{id}";

    private static long Expected(ChangeSet changes, string collection, string id) =>
        changes.Changes.Select(c => c switch
        {
            PutDocument p when p.Collection == collection && p.Id == id => p.ExpectedVersion,
            DeleteDocument d when d.Collection == collection && d.Id == id => d.ExpectedVersion,
            IndexDocument i when i.Collection == collection && i.Id == id => i.ExpectedVersion,
            _ => -1,
        }).FirstOrDefault(v => v >= 0);

    private static string Entries(IReadOnlyList<IndexEntry> indexes) =>
        string.Join(EntrySeparator, indexes.Distinct().Select(e => $"{e.Name}{FieldSeparator}{e.Key}"));
}
