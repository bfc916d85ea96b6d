using Microsoft.Data.Sqlite;

namespace PamOperator.Simulators.Fudo.Storage;

/// <summary>
/// The one SQLite connection (in memory, or a file that survives restarts) and its schema: one <c>objects</c> table with
/// indexed columns for type+id paging, case-insensitive names, and assignment key columns. Not thread-safe: the caller
/// serializes all access. Transactions are plain SQL so that cached commands need no transaction object.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS objects(
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            name_lower TEXT,
            k1 TEXT, k2 TEXT, k3 TEXT,
            removed INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL,
            secrets TEXT);
        CREATE INDEX IF NOT EXISTS ix_objects_type_id ON objects(type, removed, id);
        CREATE INDEX IF NOT EXISTS ix_objects_type_name ON objects(type, name_lower);
        CREATE INDEX IF NOT EXISTS ix_objects_type_k1 ON objects(type, k1, k2, k3);
        CREATE INDEX IF NOT EXISTS ix_objects_type_k2 ON objects(type, k2);
        CREATE INDEX IF NOT EXISTS ix_objects_type_k3 ON objects(type, k3);
        """;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when needed) the database; null path = private in-memory database.</summary>
    public static SqliteDatabase Open(string? path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        connection.CreateFunction("pam_lower", (string? s) => s?.ToLowerInvariant(), isDeterministic: true);
        var database = new SqliteDatabase(connection);
        database.Execute(path is null ? "PRAGMA journal_mode=MEMORY;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        database.Execute(Schema);
        return database;
    }

    /// <summary>A cached prepared command for <paramref name="sql"/>; parameters are cleared for the caller.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>A one-off command (dynamic SQL such as list filters); the caller disposes it.</summary>
    public SqliteCommand NewCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Execute(string sql)
    {
        using var command = NewCommand(sql);
        command.ExecuteNonQuery();
    }

    public void Begin() => Execute("BEGIN IMMEDIATE;");

    public void Commit() => Execute("COMMIT;");

    public void Rollback() => Execute("ROLLBACK;");

    public void Savepoint(string name) => Execute($"SAVEPOINT {name};");

    public void Release(string name) => Execute($"RELEASE {name};");

    public void RollbackTo(string name) => Execute($"ROLLBACK TO {name}; RELEASE {name};");

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
