using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PamOperator.Simulators.Common.Secrets;

namespace PamOperator.Simulators.Fudo.Storage;

/// <summary>
/// The Fudo store's schema as kit migrations. 1: one <c>objects</c> table with indexed columns for type+id paging,
/// case-insensitive names, and assignment key columns (<c>IF NOT EXISTS</c>, so files from before versioning are
/// adopted). 2: secrets written in plaintext by older simulators become salted hashes.
/// </summary>
internal static class FudoSchema
{
    public static readonly IReadOnlyList<SqliteMigration> Migrations =
    [
        new(1, """
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
            """),
        new(2, "", HashPlaintextSecrets),
    ];

    /// <summary>Opens (creating when needed) the store's database; null path = private in-memory database.</summary>
    public static SqliteDatabase Open(string? path) => SqliteDatabase.Open(path, Migrations, connection =>
        connection.CreateFunction("pam_lower", (string? s) => s?.ToLowerInvariant(), isDeterministic: true));

    /// <summary>Migration 2. <c>secure_delete</c> (this connection only) zeroes the old cells, so the plaintext does not
    /// linger in free pages.</summary>
    private static void HashPlaintextSecrets(SqliteDatabase database)
    {
        database.Execute("PRAGMA secure_delete=ON;");
        var rows = new List<(long Id, string Secrets)>();
        using (var select = database.NewCommand("SELECT id, secrets FROM objects WHERE secrets IS NOT NULL;"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        foreach (var (id, secrets) in rows)
        {
            var values = JsonNode.Parse(secrets)!.AsObject();
            foreach (var name in values.Select(p => p.Key).ToList())
            {
                if (values[name]?.GetValue<string>() is { } value && !SecretHash.IsHash(value))
                {
                    values[name] = SecretHash.Hash(value);
                }
            }

            using var update = database.NewCommand("UPDATE objects SET secrets = $secrets WHERE id = $id;");
            update.Parameters.Add(new SqliteParameter("$secrets", values.ToJsonString()));
            update.Parameters.Add(new SqliteParameter("$id", id));
            update.ExecuteNonQuery();
        }
    }
}
