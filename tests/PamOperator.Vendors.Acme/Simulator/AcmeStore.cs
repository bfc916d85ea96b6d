using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PamOperator.Vendors.Acme.Simulator;

/// <summary>Acme's objects by type, persisted as one JSON file (mode 0600) after each change; passwords kept only as
/// salted hashes. Thread-safe behind one lock.</summary>
internal sealed class AcmeStore
{
    private readonly Lock _gate = new();
    private readonly string? _path;
    private readonly JsonObject _data;

    public AcmeStore(string? path)
    {
        _path = path;
        _data = path is not null && File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : Seed();
    }

    public (List<JsonObject> Items, int Total) List(string type, int offset, int limit)
    {
        lock (_gate)
        {
            var all = Items(type).Select(i => Public(i!.AsObject())).ToList();
            return ([.. all.Skip(offset).Take(limit)], all.Count);
        }
    }

    public JsonObject? Create(string type, JsonObject body)
    {
        lock (_gate)
        {
            var name = body["name"]?.GetValue<string>() ?? "";
            if (name.Length == 0 || Items(type).Any(i => string.Equals(i!["name"]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var id = (_data["next"]?.GetValue<int>() ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _data["next"] = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) + 1;
            var item = new JsonObject { ["id"] = id, ["name"] = name, ["spec"] = body["spec"]?.DeepClone() ?? new JsonObject() };
            SetPassword(item, body);
            if (type == "access_request")
            {
                item["status"] = new JsonObject { ["state"] = "Pending", ["requestId"] = "REQ-" + id };
            }

            Items(type).Add(item);
            Save();
            return Public(item);
        }
    }

    public bool Patch(string type, string id, JsonObject body)
    {
        lock (_gate)
        {
            if (Find(type, id) is not { } item)
            {
                return false;
            }

            var spec = item["spec"]!.AsObject();
            foreach (var (key, value) in body["spec"]?.AsObject() ?? [])
            {
                spec[key] = value?.DeepClone();
            }

            SetPassword(item, body);
            Save();
            return true;
        }
    }

    public bool Delete(string type, string id)
    {
        lock (_gate)
        {
            var removed = Find(type, id) is { } item && Items(type).Remove(item);
            Save();
            return removed;
        }
    }

    /// <summary>Sets a lifecycle object's state (the test's stand-in for an approver).</summary>
    public bool SetState(string type, string id, string state)
    {
        lock (_gate)
        {
            if (Find(type, id)?["status"] is not JsonObject status)
            {
                return false;
            }

            status["state"] = state;
            Save();
            return true;
        }
    }

    private static JsonObject Seed() => new()
    {
        ["next"] = 5,
        ["audit_policy"] = new JsonArray(new JsonObject { ["id"] = "1", ["name"] = "default", ["spec"] = new JsonObject { ["retentionDays"] = 90 } }),
        ["connection"] = new JsonArray(
            Connection("2", "db1-prod", "prod", "legacy"),
            Connection("3", "db2-prod", "prod"),
            Connection("4", "db1-dev", "dev")),
    };

    private static JsonObject Connection(string id, string name, string environment, params string[] tags) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["spec"] = new JsonObject
        {
            ["host"] = name + ".example.test",
            ["environment"] = environment,
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
        },
    };

    private static JsonObject Public(JsonObject item)
    {
        var copy = item.DeepClone().AsObject();
        copy.Remove("passwordHash");
        return copy;
    }

    private static void SetPassword(JsonObject item, JsonObject body)
    {
        if (body["password"]?.GetValue<string>() is { } password)
        {
            var salt = RandomNumberGenerator.GetBytes(16);
            item["passwordHash"] = Convert.ToHexString(salt) + ":" + Convert.ToHexString(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]));
            item["secretSetAt"] = DateTimeOffset.UtcNow.ToString("O");
        }
    }

    private JsonArray Items(string type) => _data[type] as JsonArray ?? (JsonArray)(_data[type] = new JsonArray());

    private JsonObject? Find(string type, string id) =>
        Items(type).OfType<JsonObject>().FirstOrDefault(i => i["id"]!.GetValue<string>() == id);

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(_path, options);
        stream.Write(Encoding.UTF8.GetBytes(_data.ToJsonString()));
    }
}
