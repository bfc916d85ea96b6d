using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Storage;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>
/// The vault's documents in SQLite (a file created 0600, or memory): one row per object (kind, id, JSON) and a few
/// counters. Secrets are stored only as salted hashes inside the documents. Not thread-safe: <see cref="VaultState"/>
/// serializes every call.
/// </summary>
internal sealed class VaultStorage : IDisposable
{
    private static readonly SqliteMigration[] Migrations =
    [
        new(1, """
            CREATE TABLE IF NOT EXISTS docs (kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (kind, id));
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """),
    ];

    private readonly SqliteDatabase _db;

    public VaultStorage(string? path) => _db = SqliteDatabase.Open(path, Migrations);

    public IEnumerable<(string Kind, string Id, long Seq, JsonObject Body)> LoadAll()
    {
        var rows = new List<(string, string, long, JsonObject)>();
        using var command = _db.NewCommand("SELECT kind, id, seq, body FROM docs ORDER BY seq;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), JsonNode.Parse(reader.GetString(3))!.AsObject()));
        }

        return rows;
    }

    public void Put(string kind, string id, long seq, JsonObject body)
    {
        var command = _db.Command("INSERT OR REPLACE INTO docs (kind, id, seq, body) VALUES ($k, $i, $s, $b);");
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$i", id);
        command.Parameters.AddWithValue("$s", seq);
        command.Parameters.AddWithValue("$b", body.ToJsonString());
        command.ExecuteNonQuery();
    }

    public void Delete(string kind, string id)
    {
        var command = _db.Command("DELETE FROM docs WHERE kind = $k AND id = $i;");
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$i", id);
        command.ExecuteNonQuery();
    }

    public long Meta(string key, long fallback)
    {
        var command = _db.Command("SELECT value FROM meta WHERE key = $k;");
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() is long value ? value : fallback;
    }

    public void SetMeta(string key, long value)
    {
        var command = _db.Command("INSERT OR REPLACE INTO meta (key, value) VALUES ($k, $v);");
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (bulk loads, reset).</summary>
    public void InTransaction(Action work) => _db.InTransaction(() =>
    {
        work();
        return true;
    }, static ok => ok);

    public void Clear() => _db.Execute("DELETE FROM docs; DELETE FROM meta;");

    public void Dispose() => _db.Dispose();
}
