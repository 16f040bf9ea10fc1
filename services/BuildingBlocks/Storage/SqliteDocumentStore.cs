using System.Globalization;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// The embedded adapter: one SQLite file in WAL mode. Writes go through one connection under a
/// lock, so a commit's checks and changes are one serial transaction; reads use pooled connections.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
            body BLOB NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS index_entries (collection TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
            id TEXT NOT NULL, PRIMARY KEY (collection, name, key, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS index_entries_by_document ON index_entries (collection, id);
        CREATE TABLE IF NOT EXISTS uniques (key TEXT PRIMARY KEY, owner TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, committed_ms INTEGER NOT NULL, body BLOB NOT NULL);
        """;

    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly SqliteStatements statements;
    private int disposed;

    public SqliteDocumentStore(string path, bool synchronousFull = true)
    {
        OwnerOnly.File(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        statements = new SqliteStatements(writer);
        SqliteCommands.Execute(writer, "PRAGMA journal_mode=WAL;");
        SqliteCommands.Execute(writer, $"PRAGMA synchronous={(synchronousFull ? "FULL" : "NORMAL")};");
        // Erased personal data must not linger in free pages of the file.
        SqliteCommands.Execute(writer, "PRAGMA secure_delete=ON;");
        SqliteCommands.Execute(writer, Schema);
    }

    public async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, body FROM documents WHERE collection = $c AND id = $id";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDocument(id, reader.GetInt64(0), (byte[])reader[1]) : null;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, IndexEntry? index, int limit, string? afterId,
        bool descending = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (compare, order) = descending ? ("<", "DESC") : (">", "ASC");
        var after = afterId is null ? "" : $"AND d.id {compare} $after";
        command.CommandText = index is null
            ? $"SELECT d.id, d.version, d.body FROM documents d WHERE d.collection = $c {after} ORDER BY d.id {order} LIMIT $limit"
            : $"""
               SELECT d.id, d.version, d.body FROM index_entries i JOIN documents d ON d.collection = i.collection AND d.id = i.id
               WHERE i.collection = $c AND i.name = $name AND i.key = $key {after.Replace("d.id", "i.id")} ORDER BY i.id {order} LIMIT $limit
               """;
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$limit", limit);
        if (afterId is not null) command.Parameters.AddWithValue("$after", afterId);
        if (index is not null)
        {
            command.Parameters.AddWithValue("$name", index.Name);
            command.Parameters.AddWithValue("$key", index.Key);
        }
        var documents = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            documents.Add(new StoredDocument(reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]));
        return documents;
    }

    public async Task<string?> GetUniqueOwnerAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return await SqliteCommands.ScalarAsync(connection, null, "SELECT owner FROM uniques WHERE key = $k", ("$k", key)) as string;
    }

    public async Task<bool> AnyUniqueWithPrefixAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return await SqliteCommands.ScalarAsync(connection, null, "SELECT 1 FROM uniques WHERE substr(key, 1, length($p)) = $p LIMIT 1", ("$p", keyPrefix)) is not null;
    }

    public async Task<long> GetCounterAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return await SqliteCommands.ScalarAsync(connection, null, "SELECT value FROM counters WHERE key = $k", ("$k", key)) as long? ?? 0;
    }

    public async Task<IReadOnlyList<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = writer.BeginTransaction();
            foreach (var change in changes.Changes)
                Apply(transaction, change);
            var sequences = new List<long>(changes.Events.Count);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var integrationEvent in changes.Events)
                sequences.Add((long)statements.Scalar(transaction, "INSERT INTO outbox (committed_ms, body) VALUES ($t, $b) RETURNING seq",
                    ("$t", now), ("$b", integrationEvent.ToByteArray()))!);
            await transaction.CommitAsync(CancellationToken.None);
            return sequences;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private void Apply(SqliteTransaction transaction, Change change)
    {
        switch (change)
        {
            case PutDocument put:
                CheckVersion(transaction, put.Collection, put.Id, put.ExpectedVersion);
                statements.NonQuery(transaction, "INSERT OR REPLACE INTO documents VALUES ($c, $id, $v, $b)",
                    ("$c", put.Collection), ("$id", put.Id), ("$v", put.ExpectedVersion + 1), ("$b", put.Body));
                // A new document has no index entries yet (its version was checked to be 0).
                Index(transaction, put.Collection, put.Id, put.Indexes, replace: put.ExpectedVersion > 0);
                break;
            case IndexDocument index:
                CheckVersion(transaction, index.Collection, index.Id, index.ExpectedVersion);
                Index(transaction, index.Collection, index.Id, index.Indexes, replace: true);
                break;
            case DeleteDocument delete:
                CheckVersion(transaction, delete.Collection, delete.Id, delete.ExpectedVersion);
                statements.NonQuery(transaction, "DELETE FROM documents WHERE collection = $c AND id = $id", ("$c", delete.Collection), ("$id", delete.Id));
                statements.NonQuery(transaction, "DELETE FROM index_entries WHERE collection = $c AND id = $id", ("$c", delete.Collection), ("$id", delete.Id));
                break;
            case ClaimUnique claim:
                var owner = statements.Scalar(transaction, "SELECT owner FROM uniques WHERE key = $k", ("$k", claim.Key)) as string;
                if (owner is not null && owner != claim.Owner) throw new UniqueConflictException(claim.Key, owner);
                statements.NonQuery(transaction, "INSERT OR REPLACE INTO uniques VALUES ($k, $o)", ("$k", claim.Key), ("$o", claim.Owner));
                break;
            case ReleaseUnique release:
                statements.NonQuery(transaction, "DELETE FROM uniques WHERE key = $k", ("$k", release.Key));
                break;
            case ReserveSlot reserve:
                var taken = statements.Scalar(transaction, "SELECT value FROM counters WHERE key = $k", ("$k", reserve.Counter)) as long? ?? 0;
                if (taken >= reserve.Limit) throw new CapacityExceededException(reserve.Counter, reserve.Limit);
                statements.NonQuery(transaction, "INSERT OR REPLACE INTO counters VALUES ($k, $v)", ("$k", reserve.Counter), ("$v", taken + 1));
                break;
            case FreeSlot free:
                statements.NonQuery(transaction, "UPDATE counters SET value = max(value - 1, 0) WHERE key = $k", ("$k", free.Counter));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "unknown change");
        }
    }

    private void Index(SqliteTransaction transaction, string collection, string id, IReadOnlyList<IndexEntry> indexes, bool replace)
    {
        if (replace) statements.NonQuery(transaction, "DELETE FROM index_entries WHERE collection = $c AND id = $id", ("$c", collection), ("$id", id));
        foreach (var entry in indexes.Distinct())
            statements.NonQuery(transaction, "INSERT INTO index_entries VALUES ($c, $n, $k, $id)", ("$c", collection), ("$n", entry.Name), ("$k", entry.Key), ("$id", id));
    }

    private void CheckVersion(SqliteTransaction transaction, string collection, string id, long expected)
    {
        var actual = statements.Scalar(transaction, "SELECT version FROM documents WHERE collection = $c AND id = $id", ("$c", collection), ("$id", id)) as long? ?? 0;
        if (actual != expected) throw new ConcurrencyConflictException(collection, id, expected, actual);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int limit, DateTimeOffset committedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, body FROM outbox WHERE committed_ms < $t ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$t", committedBefore.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new OutboxEntry(reader.GetInt64(0), (byte[])reader[1]));
        return entries;
    }

    public async Task AcknowledgeOutboxAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        if (sequences.Count == 0) return;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            SqliteCommands.Execute(writer, $"DELETE FROM outbox WHERE seq IN ({string.Join(',', sequences)})");
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>
    /// Deleted cells are zeroed as they go (secure_delete). This also rewrites the file without
    /// free pages or stale index dividers (VACUUM) and empties the write-ahead log, which may still
    /// hold earlier copies of changed pages.
    /// </summary>
    public async Task ScrubAsync(CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            SqliteCommands.Execute(writer, "VACUUM;");
            // A reader still on an old snapshot keeps the checkpoint from finishing ("busy"): try again.
            for (var attempt = 1; Convert.ToInt64(await SqliteCommands.ScalarAsync(writer, null, "PRAGMA wal_checkpoint(TRUNCATE);"), CultureInfo.InvariantCulture) != 0; attempt++)
            {
                if (attempt == 50) throw new IOException("The write-ahead log could not be emptied: readers held it for 5 s");
                await Task.Delay(100, cancellationToken);
            }
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing twice is harmless: the store may be registered under more than one service type.
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await writeLock.WaitAsync();
        await statements.DisposeAsync();
        await writer.DisposeAsync();
        SqliteConnection.ClearPool(writer);
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
