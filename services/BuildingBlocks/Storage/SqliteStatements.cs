using Microsoft.Data.Sqlite;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// The writer connection's statements, prepared once and reused: a commit's changes run many small
/// statements. Used only under the store's write lock.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection writer) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> prepared = [];

    public void NonQuery(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters) =>
        Prepared(transaction, sql, parameters).ExecuteNonQuery();

    public object? Scalar(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters) =>
        Prepared(transaction, sql, parameters).ExecuteScalar() is var value and not DBNull ? value : null;

    private SqliteCommand Prepared(SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = writer.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            prepared[sql] = command;
        }
        command.Transaction = transaction;
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in prepared.Values) await command.DisposeAsync();
    }
}
