using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Secrets;

namespace PamOperator.Simulators.Sps.Config;

/// <summary>
/// The committed configuration in SQLite (file mode 0600, WAL), mirrored in memory: objects by collection and key,
/// password objects as salted hashes only, and the usergroup ACLs. A new database gets the appliance's defaults: the
/// built-in <c>admin</c> user, the usergroups of the seed's ACL list (no members) and that ACL list. Changed only by
/// <see cref="Commit"/>, in one SQLite transaction. Not thread-safe: <see cref="SpsEngine"/> serializes access.
/// </summary>
internal sealed class ConfigStore : IDisposable
{
    public const string Users = "users";
    public const string Groups = "groups";

    private readonly SqliteDatabase _db;

    public ConfigStore(string? path, TimeProvider time)
    {
        _db = SqliteDatabase.Open(path,
        [
            new SqliteMigration(1, """
                CREATE TABLE IF NOT EXISTS objects (collection TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, key));
                CREATE TABLE IF NOT EXISTS passwords (key TEXT PRIMARY KEY, hash TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS acls (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
                """, db => Defaults(db, time)),
        ]);
        Load();
    }

    public Dictionary<(string Collection, string Key), ConfigObject> Objects { get; } = [];

    /// <summary>Password object keys (their hashes stay in the database, except for logon checks).</summary>
    public Dictionary<string, string> PasswordHashes { get; } = new(StringComparer.Ordinal);

    public JsonArray Acls { get; private set; } = [];

    public long NextSeq => Objects.Count == 0 ? 1 : Objects.Values.Max(o => o.Seq) + 1;

    /// <summary>Makes a transaction's changes durable, all at once: <paramref name="objects"/> null bodies delete.</summary>
    public void Commit(IReadOnlyDictionary<(string Collection, string Key), ConfigObject?> objects, IReadOnlyDictionary<string, string> passwords)
    {
        _db.InTransaction(() =>
        {
            foreach (var ((collection, key), value) in objects)
            {
                var command = value is null
                    ? _db.Command("DELETE FROM objects WHERE collection = $c AND key = $k")
                    : _db.Command("INSERT INTO objects (collection, key, seq, body) VALUES ($c, $k, $s, $b) ON CONFLICT (collection, key) DO UPDATE SET body = $b");
                command.Parameters.AddWithValue("$c", collection);
                command.Parameters.AddWithValue("$k", key);
                if (value is not null)
                {
                    command.Parameters.AddWithValue("$s", value.Seq);
                    command.Parameters.AddWithValue("$b", value.Body.ToJsonString());
                }

                command.ExecuteNonQuery();
            }

            foreach (var (key, hash) in passwords)
            {
                var command = _db.Command("INSERT INTO passwords (key, hash) VALUES ($k, $h)");
                command.Parameters.AddWithValue("$k", key);
                command.Parameters.AddWithValue("$h", hash);
                command.ExecuteNonQuery();
            }

            return true;
        }, static ok => ok);
        foreach (var (id, value) in objects)
        {
            if (value is null)
            {
                Objects.Remove(id);
            }
            else
            {
                Objects[id] = value;
            }
        }

        foreach (var (key, hash) in passwords)
        {
            PasswordHashes[key] = hash;
        }
    }

    /// <summary>Replaces the ACL list (the web interface's doing; the REST API cannot change it).</summary>
    public void ReplaceAcls(JsonArray acls)
    {
        _db.InTransaction(() =>
        {
            _db.Execute("DELETE FROM acls;");
            WriteAcls(_db, acls);
            return true;
        }, static ok => ok);
        Acls = acls;
    }

    /// <summary>Back to the defaults of a new appliance.</summary>
    public void Reset(TimeProvider time)
    {
        _db.InTransaction(() =>
        {
            _db.Execute("DELETE FROM objects; DELETE FROM passwords; DELETE FROM acls;");
            Defaults(_db, time);
            return true;
        }, static ok => ok);
        Load();
    }

    public void Dispose() => _db.Dispose();

    private void Load()
    {
        Objects.Clear();
        PasswordHashes.Clear();
        using (var command = _db.NewCommand("SELECT collection, key, seq, body FROM objects"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var o = new ConfigObject(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), JsonNode.Parse(reader.GetString(3))!.AsObject());
                Objects[(o.Collection, o.Key)] = o;
            }
        }

        using (var command = _db.NewCommand("SELECT key, hash FROM passwords"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                PasswordHashes[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var acls = new JsonArray();
        using (var command = _db.NewCommand("SELECT body FROM acls ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                acls.Add(JsonNode.Parse(reader.GetString(0)));
            }
        }

        Acls = acls;
    }

    private static void Defaults(SqliteDatabase db, TimeProvider time)
    {
        var seq = 1L;
        var adminPassword = Guid.NewGuid().ToString();
        Insert(db, "INSERT INTO passwords (key, hash) VALUES ($a, $b)", adminPassword, SecretHash.Hash(Guid.NewGuid().ToString("N")));
        Insert(db, "INSERT INTO objects (collection, key, seq, body) VALUES ('users', $a, 1, $b)", Keys.New(),
            new JsonObject { ["name"] = "admin", ["password"] = adminPassword, ["password_created"] = time.GetUtcNow().ToUnixTimeSeconds() }.ToJsonString());
        foreach (var group in SeedDocuments.Acls().Select(a => a!["group"]!.GetValue<string>()).Distinct(StringComparer.Ordinal))
        {
            seq++;
            using var command = db.NewCommand("INSERT INTO objects (collection, key, seq, body) VALUES ('groups', $a, $s, $b)");
            command.Parameters.AddWithValue("$a", Keys.New());
            command.Parameters.AddWithValue("$s", seq);
            command.Parameters.AddWithValue("$b", new JsonObject { ["members"] = new JsonArray(), ["name"] = group }.ToJsonString());
            command.ExecuteNonQuery();
        }

        WriteAcls(db, SeedDocuments.Acls());
    }

    private static void WriteAcls(SqliteDatabase db, JsonArray acls)
    {
        var i = 0;
        foreach (var acl in acls)
        {
            using var command = db.NewCommand("INSERT INTO acls (seq, body) VALUES ($s, $b)");
            command.Parameters.AddWithValue("$s", ++i);
            command.Parameters.AddWithValue("$b", acl!.ToJsonString());
            command.ExecuteNonQuery();
        }
    }

    private static void Insert(SqliteDatabase db, string sql, string a, string b)
    {
        using var command = db.NewCommand(sql);
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        command.ExecuteNonQuery();
    }
}
