using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PamOperator.Simulators.Common.Secrets;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Storage;

/// <summary>
/// Objects in SQLite: one row per object with its stored attributes as JSON, its lower-cased name and assignment keys in
/// indexed columns, secrets in a column that nothing reads back. Reads skip removed rows (tombstones). Not thread-safe.
/// </summary>
internal sealed class ObjectStore(SqliteDatabase database) : IObjectLookup
{
    /// <summary>First id handed out; ids are 64-bit and above 2^53 so clients must keep them as strings.</summary>
    public const long FirstId = 1_232_678_819_172_650_000;

    private const string Columns = "id, type, data, removed";
    private long _lastId = -1;

    public SqliteDatabase Database { get; } = database;

    public long NextId()
    {
        if (_lastId < 0)
        {
            var max = Scalar("SELECT max(id) FROM objects;");
            _lastId = Math.Max(max ?? 0, FirstId - 1);
        }

        return ++_lastId;
    }

    public bool IsEmpty => Scalar("SELECT count(*) FROM objects;") == 0;

    /// <summary>Whether any row (removed ones included) has this id; fixtures use it before taking a fixed id.</summary>
    public bool IdTaken(long id)
    {
        var command = Database.Command("SELECT count(*) FROM objects WHERE id = $id;");
        Bind(command, ("$id", id));
        return command.ExecuteScalar() is long and > 0;
    }

    public StoredObject? Get(string type, string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Get(type, n) : null;

    public StoredObject? Get(string type, long id) =>
        Read($"SELECT {Columns} FROM objects WHERE id = $a AND type = $b AND removed = 0;", id, type).FirstOrDefault();

    public IReadOnlyList<StoredObject> ByKey(string type, int keyIndex, string value) =>
        Read($"SELECT {Columns} FROM objects WHERE type = $a AND k{keyIndex + 1} = $b AND removed = 0 ORDER BY id;", type, value);

    public IReadOnlyList<StoredObject> ByAttribute(string type, string attribute, string value) =>
        Read($"SELECT {Columns} FROM objects WHERE type = $a AND removed = 0 AND json_extract(data, $c) = $b ORDER BY id;",
            type, value, "$." + attribute);

    public StoredObject? FindByName(string type, string name) =>
        Read($"SELECT {Columns} FROM objects WHERE type = $a AND name_lower = $b AND removed = 0;", type, name.ToLowerInvariant())
            .FirstOrDefault();

    /// <summary>The live object with exactly these key values (null matches null).</summary>
    public StoredObject? FindByKeys(string type, IReadOnlyList<string?> keys) =>
        Read($"SELECT {Columns} FROM objects WHERE type = $a AND k1 IS $b AND k2 IS $c AND k3 IS $d AND removed = 0;",
            type, Key(keys, 0), Key(keys, 1), Key(keys, 2)).FirstOrDefault();

    public void Insert(ModelSchema schema, long id, JsonObject data)
    {
        var command = Database.Command(
            "INSERT INTO objects(id, type, name_lower, k1, k2, k3, data) VALUES ($id, $type, $name, $k1, $k2, $k3, $data);");
        var keys = KeysOf(schema, data);
        Bind(command, ("$id", id), ("$type", schema.Type), ("$name", NameLower(data)), ("$k1", Key(keys, 0)),
            ("$k2", Key(keys, 1)), ("$k3", Key(keys, 2)), ("$data", data.ToJsonString()));
        command.ExecuteNonQuery();
        if (_lastId >= 0 && id > _lastId)
        {
            _lastId = id;
        }
    }

    public void Update(ModelSchema schema, long id, JsonObject data)
    {
        var command = Database.Command(
            "UPDATE objects SET name_lower = $name, k1 = $k1, k2 = $k2, k3 = $k3, data = $data WHERE id = $id;");
        var keys = KeysOf(schema, data);
        Bind(command, ("$id", id), ("$name", NameLower(data)), ("$k1", Key(keys, 0)), ("$k2", Key(keys, 1)),
            ("$k3", Key(keys, 2)), ("$data", data.ToJsonString()));
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes the row, or with <paramref name="tombstone"/> marks it removed.</summary>
    public void Remove(long id, bool tombstone)
    {
        var command = Database.Command(tombstone
            ? "UPDATE objects SET removed = 1 WHERE id = $id;"
            : "DELETE FROM objects WHERE id = $id;");
        Bind(command, ("$id", id));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records that write-only values were set: stores a new salted hash of each (<see cref="SecretHash"/>), never the
    /// value, so the same value written again still counts as a rotation. Nothing ever reads them back.
    /// </summary>
    public void SetSecrets(long id, IReadOnlyDictionary<string, string> secrets)
    {
        var command = Database.Command(
            "UPDATE objects SET secrets = json_patch(coalesce(secrets, '{}'), $patch) WHERE id = $id;");
        var patch = new JsonObject(secrets.Select(s => new KeyValuePair<string, JsonNode?>(s.Key, SecretHash.Hash(s.Value))));
        Bind(command, ("$id", id), ("$patch", patch.ToJsonString()));
        command.ExecuteNonQuery();
    }

    /// <summary>Whether a secret attribute has been set, without reading its value.</summary>
    public bool HasSecret(long id, string attribute)
    {
        var command = Database.Command("SELECT json_type(secrets, $path) IS NOT NULL FROM objects WHERE id = $id;");
        Bind(command, ("$id", id), ("$path", "$." + attribute));
        return command.ExecuteScalar() is long and 1;
    }

    public void Clear() => Database.Execute("DELETE FROM objects;");

    /// <summary>Runs a SELECT of <c>id, type, data, removed</c> built elsewhere (list queries).</summary>
    public static List<StoredObject> ReadAll(SqliteCommand command)
    {
        var result = new List<StoredObject>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var data = JsonNode.Parse(reader.GetString(2))!.AsObject();
            result.Add(new StoredObject(reader.GetInt64(0), reader.GetString(1), data, reader.GetInt64(3) != 0));
        }

        return result;
    }

    public static IReadOnlyList<string?> KeysOf(ModelSchema schema, JsonObject data) =>
        schema.KeyAttributes.Select(k => data[k]?.ToString()).ToList();

    private static string? Key(IReadOnlyList<string?> keys, int index) => index < keys.Count ? keys[index] : null;

    private static string? NameLower(JsonObject data) => data["name"]?.GetValue<string>().ToLowerInvariant();

    private List<StoredObject> Read(string sql, params object?[] values)
    {
        var command = Database.Command(sql);
        Bind(command, values.Select((v, i) => ("$" + (char)('a' + i), v)).ToArray());
        return ReadAll(command);
    }

    private long? Scalar(string sql) => Database.Command(sql).ExecuteScalar() is long n ? n : null;

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
