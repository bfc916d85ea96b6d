using Microsoft.Data.Sqlite;

namespace PamOperator.Simulators.Common.Storage;

/// <summary>
/// One SQLite connection (in memory, or a file that survives restarts) with its schema brought up to date by
/// <see cref="SqliteMigration"/>s. A file is created readable by its owner only (mode 0600, see
/// <see cref="OwnerOnlyFile"/>) and runs in WAL mode. Not thread-safe: the caller serializes all access. Transactions
/// are plain SQL so that cached commands need no transaction object.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>The connection, for what the helpers here do not cover (functions, collations). Do not dispose it.</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>
    /// Opens the database, creating it when needed; null <paramref name="path"/> = a private in-memory database.
    /// <paramref name="configure"/> runs on the open connection before any migration (register SQL functions there).
    /// Then every migration whose version is above the file's <c>user_version</c> runs, in version order, each in its own
    /// transaction (see <see cref="Migrate"/>). Idempotent on an up-to-date file.
    /// </summary>
    public static SqliteDatabase Open(string? path, IReadOnlyList<SqliteMigration> migrations,
        Action<SqliteConnection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        if (path is not null)
        {
            OwnerOnlyFile.Prepare(path);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        var database = new SqliteDatabase(connection);
        try
        {
            connection.Open();
            configure?.Invoke(connection);
            database.Execute(path is null ? "PRAGMA journal_mode=MEMORY;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            database.Migrate(migrations);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The schema version recorded in the file (<c>PRAGMA user_version</c>); 0 for a new database.</summary>
    public long SchemaVersion => (long)(NewScalar("PRAGMA user_version;") ?? 0L);

    /// <summary>
    /// Runs, in version order, each migration newer than <see cref="SchemaVersion"/>, each in one transaction that also
    /// records its version: a failed migration changes nothing and throws. Called by <see cref="Open"/>.
    /// </summary>
    public void Migrate(IReadOnlyList<SqliteMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (migration.Version <= SchemaVersion)
            {
                continue;
            }

            Begin();
            try
            {
                if (migration.Sql.Length > 0)
                {
                    Execute(migration.Sql);
                }

                migration.Apply?.Invoke(this);
                Execute($"PRAGMA user_version = {migration.Version};");
                Commit();
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    /// <summary>A cached prepared command for <paramref name="sql"/>; parameters are cleared for the caller. Do not
    /// dispose it.</summary>
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

    /// <summary>Runs <paramref name="work"/> in one transaction, committed only when <paramref name="succeeded"/> says so
    /// (and rolled back when it throws). Not re-entrant: use savepoints inside.</summary>
    public T InTransaction<T>(Func<T> work, Func<T, bool> succeeded)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(succeeded);
        Begin();
        try
        {
            var result = work();
            if (succeeded(result))
            {
                Commit();
            }
            else
            {
                Rollback();
            }

            return result;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

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

    private object? NewScalar(string sql)
    {
        using var command = NewCommand(sql);
        return command.ExecuteScalar();
    }
}
