using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Storage;

namespace PamOperator.Simulators.PrivX.Store;

/// <summary>
/// The simulator's objects (roles, hosts, connections) in wire form, kept in memory in insertion order and written
/// through to SQLite (one row per object, <c>objects(kind, id, data)</c>, file 0600) so that a database file survives
/// restarts. All access is serialized by one lock; a bulk load is one transaction.
/// </summary>
internal sealed class PrivXStore : IDisposable
{
    public const string Roles = "role";
    public const string Hosts = "host";
    public const string Connections = "connection";

    private static readonly SqliteMigration[] Migrations =
    [
        new(1, "CREATE TABLE objects(kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY(kind, id));"),
    ];

    private readonly Lock _gate = new();
    private readonly SqliteDatabase _database;
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _objects = new(StringComparer.Ordinal)
    {
        [Roles] = new(StringComparer.OrdinalIgnoreCase),
        [Hosts] = new(StringComparer.OrdinalIgnoreCase),
        [Connections] = new(StringComparer.OrdinalIgnoreCase),
    };

    private long _seq;

    public PrivXStore(string? path)
    {
        _database = SqliteDatabase.Open(path, Migrations);
        using var command = _database.NewCommand("SELECT kind, id, data, seq FROM objects ORDER BY seq;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (_objects.TryGetValue(reader.GetString(0), out var kind))
            {
                kind[reader.GetString(1)] = JsonNode.Parse(reader.GetString(2))!.AsObject();
                _seq = Math.Max(_seq, reader.GetInt64(3));
            }
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _objects.Values.All(k => k.Count == 0);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> under the lock with read access to the objects of <paramref name="kind"/>
    /// (in insertion order). Do not keep references past the call.</summary>
    public T Read<T>(string kind, Func<IReadOnlyCollection<JsonObject>, T> work)
    {
        lock (_gate)
        {
            return work(_objects[kind].Values);
        }
    }

    public JsonObject? Find(string kind, string id)
    {
        lock (_gate)
        {
            return _objects[kind].GetValueOrDefault(id)?.DeepClone().AsObject();
        }
    }

    /// <summary>Changes one object under the lock: <paramref name="change"/> edits it in place and returns false to leave
    /// it unchanged. False when there is no such object.</summary>
    public bool Update(string kind, string id, Func<JsonObject, bool> change)
    {
        lock (_gate)
        {
            if (!_objects[kind].TryGetValue(id, out var item))
            {
                return false;
            }

            var copy = item.DeepClone().AsObject();
            if (change(copy))
            {
                _objects[kind][id] = copy;
                Persist(kind, id, copy, insert: false);
            }

            return true;
        }
    }

    /// <summary>Changes every object of <paramref name="kind"/> for which <paramref name="change"/> returns true, in one
    /// transaction.</summary>
    public int UpdateAll(string kind, Func<JsonObject, bool> change)
    {
        lock (_gate)
        {
            var changed = 0;
            _database.Begin();
            foreach (var (id, item) in _objects[kind].ToList())
            {
                var copy = item.DeepClone().AsObject();
                if (change(copy))
                {
                    _objects[kind][id] = copy;
                    Persist(kind, id, copy, insert: false);
                    changed++;
                }
            }

            _database.Commit();
            return changed;
        }
    }

    /// <summary>Adds objects (each with an <c>id</c>) in one transaction; false (nothing added) when an id exists.</summary>
    public bool Add(string kind, IReadOnlyList<JsonObject> items)
    {
        lock (_gate)
        {
            var ids = items.Select(i => (string)i["id"]!).ToList();
            if (ids.Any(_objects[kind].ContainsKey) || ids.Distinct(StringComparer.OrdinalIgnoreCase).Count() != ids.Count)
            {
                return false;
            }

            _database.Begin();
            foreach (var item in items)
            {
                var id = (string)item["id"]!;
                _objects[kind][id] = item;
                Persist(kind, id, item, insert: true);
            }

            _database.Commit();
            return true;
        }
    }

    /// <summary>Deletes everything (reset).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var kind in _objects.Values)
            {
                kind.Clear();
            }

            _database.Execute("DELETE FROM objects;");
        }
    }

    public void Dispose() => _database.Dispose();

    private void Persist(string kind, string id, JsonObject item, bool insert)
    {
        var command = _database.Command(insert
            ? "INSERT INTO objects(kind, id, seq, data) VALUES ($kind, $id, $seq, $data);"
            : "UPDATE objects SET data = $data WHERE kind = $kind AND id = $id;");
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$seq", ++_seq);
        command.Parameters.AddWithValue("$data", item.ToJsonString());
        command.ExecuteNonQuery();
    }
}
