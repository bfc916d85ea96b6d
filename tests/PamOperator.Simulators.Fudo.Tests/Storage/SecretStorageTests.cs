using System.Text;
using Microsoft.Data.Sqlite;
using PamOperator.Simulators.Common.Secrets;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Storage;

/// <summary>
/// Security S1.9, simulator half: secrets are kept as salted hashes (the simulator only needs to know that one was set
/// or rotated) in a database file only its owner can read.
/// </summary>
public sealed class SecretStorageTests : IDisposable
{
    private const string Canary = "canary-Zq8J3v-must-never-touch-disk";
    private readonly string _directory = Directory.CreateTempSubdirectory("fudo-secrets-").FullName;

    private string DatabasePath => Path.Combine(_directory, "fudo.db");

    [Fact]
    public async Task SecretWrittenTwice_NeverReachesTheFile_AndEachWriteStoresANewHash()
    {
        string id;
        var clock = new ManualClock(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using (var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { DatabasePath = DatabasePath, TimeProvider = clock }))
        {
            using var api = new FudoApi(simulator);
            id = await api.Create("account", new
            {
                name = "canary", type = "regular", server_id = await api.IdOf("server", "db-prod-01"), method = "sshkey",
                login = "root", secret = Canary, private_key_passphrase = Canary,
            });
            var firstHash = StoredSecrets(id);
            clock.Advance(TimeSpan.FromHours(1));
            (await api.Patch($"account/{id}", new { secret = Canary })).Code.Should().Be(200);
            var lastUpdate = (await api.Get($"account/{id}?fields=password_lastupdate")).Json["account"]!["password_lastupdate"]!.GetValue<string>();

            lastUpdate.Should().Be("2025-01-01 01:00:00.000000+00", "the same value written again still counts as a rotation");
            StoredSecrets(id).Should().NotBe(firstHash, "every write gets a fresh salt");
        }

        var stored = System.Text.Json.Nodes.JsonNode.Parse(StoredSecrets(id))!.AsObject();
        stored.Select(p => p.Key).Should().BeEquivalentTo("secret", "private_key_passphrase");
        stored.Should().AllSatisfy(p => SecretHash.Verify(Canary, p.Value!.GetValue<string>()).Should().BeTrue());
        FileBytesContain(Canary).Should().BeFalse("the database holds hashes only");
    }

    [Fact]
    public async Task DatabaseFile_IsReadableByItsOwnerOnly()
    {
        await using (var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { DatabasePath = DatabasePath }))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(DatabasePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.GetUnixFileMode(DatabasePath + "-wal").Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    "SQLite gives side files the database file's mode");
            }
        }
    }

    [Fact]
    public async Task OldDatabase_WithPlaintextSecrets_IsMigratedToHashes()
    {
        using (var old = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            // The schema and one row as simulators before the kit wrote them (no user_version, plaintext secrets).
            create.CommandText = $$"""
                CREATE TABLE objects(id INTEGER PRIMARY KEY, type TEXT NOT NULL, name_lower TEXT, k1 TEXT, k2 TEXT, k3 TEXT,
                    removed INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL, secrets TEXT);
                INSERT INTO objects(id, type, name_lower, data, secrets)
                    VALUES (5, 'safe', 'old-safe', '{"name":"old-safe"}', '{"secret":"{{Canary}}"}');
                """;
            create.ExecuteNonQuery();
        }

        await using (var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { DatabasePath = DatabasePath }))
        {
            SecretHash.Verify(Canary, System.Text.Json.Nodes.JsonNode.Parse(StoredSecrets("5"))!["secret"]!.GetValue<string>())
                .Should().BeTrue();
        }

        FileBytesContain(Canary).Should().BeFalse("the migration overwrote the plaintext");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string StoredSecrets(string id)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT secrets FROM objects WHERE id = $id;";
        command.Parameters.AddWithValue("$id", long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        return (string)command.ExecuteScalar()!;
    }

    private bool FileBytesContain(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(_directory, "fudo.db*")
            .Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }
}
