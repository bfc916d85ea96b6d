using PamOperator.Simulators.Common.Storage;

namespace PamOperator.Simulators.Common.Tests.Storage;

/// <summary>The SQLite helpers: owner-only file, WAL, versioned migrations, transactions.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private static readonly SqliteMigration[] Schema =
    [
        new(1, "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT);"),
        new(2, "ALTER TABLE t ADD COLUMN w TEXT;"),
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("pamsim-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "kit.db");

    [Fact]
    public void NewFile_IsOwnerOnly_InWalMode_AtTheLatestVersion()
    {
        using var database = SqliteDatabase.Open(DatabasePath, Schema);
        database.Execute("INSERT INTO t(v, w) VALUES ('a', 'b');");

        database.SchemaVersion.Should().Be(2);
        Scalar(database, "PRAGMA journal_mode;").Should().Be("wal");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(DatabasePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(DatabasePath + "-wal").Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void ExistingWiderFile_IsNarrowedTo0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (SqliteDatabase.Open(DatabasePath, Schema))
        {
        }

        File.SetUnixFileMode(DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var reopened = SqliteDatabase.Open(DatabasePath, Schema);

        File.GetUnixFileMode(DatabasePath).Should().Be(OwnerOnlyFile.Mode);
    }

    [Fact]
    public void Reopening_RunsOnlyNewMigrations()
    {
        using (var first = SqliteDatabase.Open(DatabasePath, Schema[..1]))
        {
            first.Execute("INSERT INTO t(v) VALUES ('kept');");
        }

        var applied = 0;
        using var second = SqliteDatabase.Open(DatabasePath, [.. Schema, new SqliteMigration(3, "", _ => applied++)]);
        using var third = SqliteDatabase.Open(Path.Combine(_directory, "other.db"), Schema);

        second.SchemaVersion.Should().Be(3);
        applied.Should().Be(1);
        Scalar(second, "SELECT v FROM t;").Should().Be("kept");
    }

    [Fact]
    public void FailingMigration_ChangesNothing_AndThrows()
    {
        var open = () => SqliteDatabase.Open(DatabasePath, [Schema[0], new SqliteMigration(2, "CREATE TABLE u(x); SELECT * FROM missing;")]);

        open.Should().Throw<Microsoft.Data.Sqlite.SqliteException>();
        using var database = SqliteDatabase.Open(DatabasePath, Schema[..1]);
        database.SchemaVersion.Should().Be(1);
        Scalar(database, "SELECT count(*) FROM sqlite_master WHERE name = 'u';").Should().Be(0L);
    }

    [Fact]
    public void InTransaction_CommitsOnlyWhatSucceeded()
    {
        using var database = SqliteDatabase.Open(null, Schema);

        database.InTransaction(() => { database.Execute("INSERT INTO t(v) VALUES ('kept');"); return true; }, ok => ok);
        database.InTransaction(() => { database.Execute("INSERT INTO t(v) VALUES ('dropped');"); return false; }, ok => ok);
        var thrown = () => database.InTransaction<bool>(() =>
        {
            database.Execute("INSERT INTO t(v) VALUES ('thrown');");
            throw new InvalidOperationException("bug");
        }, ok => ok);

        thrown.Should().Throw<InvalidOperationException>();
        Scalar(database, "SELECT group_concat(v) FROM t;").Should().Be("kept");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static object? Scalar(SqliteDatabase database, string sql)
    {
        using var command = database.NewCommand(sql);
        return command.ExecuteScalar();
    }
}
