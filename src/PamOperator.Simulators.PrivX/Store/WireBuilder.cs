using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.PrivX.Store;

/// <summary>
/// Completes roles, hosts and connections given in short form (fixtures, <c>/_sim</c>) into the full wire objects of
/// seed 004 and the role and host stores: ids generated when absent (UUIDs, deterministic for a name so fixtures are
/// stable), references by name resolved (<c>user_roles</c>, <c>target_host_roles</c>, <c>access_roles</c> as
/// <c>{"name"}</c>; <c>target_host_data</c> as <c>{"common_name"}</c>), every attribute of the seed's sample present.
/// A problem is an <see cref="ArgumentException"/> naming the attribute.
/// </summary>
internal sealed class WireBuilder(PrivXStore store, TimeProvider time)
{
    public static JsonObject Role(JsonObject input)
    {
        var name = Text(input, "name") ?? throw new ArgumentException("a role needs a name");
        var role = input.DeepClone().AsObject();
        role["id"] = Text(input, "id") ?? StableId("role:" + name);
        role["comment"] ??= "";
        role["permissions"] ??= new JsonArray();
        role["source_rules"] ??= new JsonObject { ["type"] = "GROUP", ["match"] = "ANY", ["rules"] = new JsonArray() };
        role["member_count"] ??= 0;
        role["access_group_id"] ??= StableId("access-group:default");
        return role;
    }

    public static JsonObject Host(JsonObject input)
    {
        var name = Text(input, "common_name") ?? throw new ArgumentException("a host needs a common_name");
        var host = input.DeepClone().AsObject();
        host["id"] = Text(input, "id") ?? StableId("host:" + name);
        host["addresses"] ??= new JsonArray("10.0.0." + ((StableId(name)[0] % 200) + 10).ToString(CultureInfo.InvariantCulture));
        host["services"] ??= new JsonArray(new JsonObject { ["service"] = "SSH", ["address"] = host["addresses"]![0]!.DeepClone(), ["port"] = 22 });
        host["tags"] ??= new JsonArray();
        host["audit_enabled"] ??= true;
        return host;
    }

    /// <summary>A full connection from a partial one; <paramref name="index"/> varies generated ids and times.</summary>
    public JsonObject Connection(JsonObject input, int index)
    {
        var c = input.DeepClone().AsObject();
        var id = Text(input, "id") ?? Guid.NewGuid().ToString();
        var now = time.GetUtcNow();
        var connected = Time(input, "connected") ?? now.AddMinutes(-30 - (index % 1000));
        c["id"] = id;
        c["proxy_id"] ??= StableId("proxy:default");
        c["type"] ??= "SSH";
        c["authentication_method"] ??= new JsonArray("CERT");
        var user = c["user_data"] as JsonObject ?? [];
        user["display_name"] ??= "user@example.com";
        user["id"] ??= StableId("user:" + (string)user["display_name"]!);
        c["user_data"] = user;
        c["user_roles"] = RoleRefs(c["user_roles"], "user_roles", withAdded: false);
        var host = c["target_host_data"] as JsonObject ?? new JsonObject { ["common_name"] = "linux-host" };
        var known = Text(host, "id") is { } hostId ? store.Find(PrivXStore.Hosts, hostId)
            : store.Read(PrivXStore.Hosts, hosts => hosts.FirstOrDefault(h => string.Equals(Text(h, "common_name"), Text(host, "common_name"), StringComparison.OrdinalIgnoreCase))?.DeepClone().AsObject());
        host["id"] ??= known?["id"]?.DeepClone() ?? StableId("host:" + Text(host, "common_name"));
        host["common_name"] ??= known?["common_name"]?.DeepClone() ?? "linux-host";
        c["target_host_data"] = new JsonObject { ["id"] = host["id"]!.DeepClone(), ["common_name"] = host["common_name"]!.DeepClone() };
        c["target_host_address"] ??= known?["addresses"]?[0]?.DeepClone() ?? "10.0.0.1";
        c["target_host_account"] ??= "root";
        c["target_host_roles"] = RoleRefs(c["target_host_roles"], "target_host_roles", withAdded: false);
        c["remote_address"] ??= "192.0.2." + ((index % 250) + 1).ToString(CultureInfo.InvariantCulture);
        c["connected"] = Stamp(connected);
        var status = Text(c, "status") ?? "DISCONNECTED";
        c["status"] = status;
        var disconnected = status == "CONNECTED" ? (DateTimeOffset?)null : Time(input, "disconnected") ?? connected.AddMinutes(15);
        c["disconnected"] = disconnected is { } d ? Stamp(d) : null;
        c["duration"] ??= Duration((disconnected ?? now) - connected);
        c["last_activity"] ??= Stamp(disconnected ?? now);
        c["bytes_in"] ??= 1024 + index;
        c["bytes_out"] ??= 4096 + index;
        c["force_disconnect"] ??= null;
        c["created"] ??= Stamp(connected);
        c["updated"] ??= Stamp(disconnected ?? connected);
        c["updated_by"] ??= user["id"]!.DeepClone();
        c["audit_enabled"] ??= true;
        c["access_group_id"] ??= StableId("access-group:default");
        c["trail"] ??= Trail(id, (string)host["id"]!, (string)user["id"]!, connected);
        c["index_status"] ??= "NOT_INDEXED";
        c["access_roles"] = RoleRefs(c["access_roles"], "access_roles", withAdded: true);
        c["tags"] = Tags(c["tags"]);
        return c;
    }

    /// <summary>A deterministic UUID (version-4 layout) for a name, so fixtures keep their ids across databases.</summary>
    public static string StableId(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonArray Tags(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list || list.Any(t => t is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            throw new ArgumentException("tags must be an array of strings");
        }

        return [.. list.Select(t => (string)t!).Distinct(StringComparer.Ordinal).Select(t => (JsonNode)t)];
    }

    private JsonArray RoleRefs(JsonNode? node, string attribute, bool withAdded)
    {
        var result = new JsonArray();
        foreach (var item in node as JsonArray ?? [])
        {
            var wanted = item as JsonObject ?? new JsonObject { ["name"] = item?.DeepClone() };
            var role = Text(wanted, "id") is { } roleId ? store.Find(PrivXStore.Roles, roleId)
                : store.Read(PrivXStore.Roles, roles => roles.FirstOrDefault(r => string.Equals(Text(r, "name"), Text(wanted, "name"), StringComparison.OrdinalIgnoreCase))?.DeepClone().AsObject());
            if (role is null)
            {
                throw new ArgumentException($"{attribute}: no role {Text(wanted, "id") ?? Text(wanted, "name")}");
            }

            var reference = new JsonObject { ["id"] = role["id"]!.DeepClone(), ["name"] = role["name"]!.DeepClone() };
            if (withAdded)
            {
                reference = new JsonObject { ["added"] = wanted["added"]?.DeepClone() ?? Stamp(time.GetUtcNow()), ["id"] = reference["id"]!.DeepClone(), ["name"] = reference["name"]!.DeepClone() };
            }

            result.Add(reference);
        }

        return result;
    }

    private static JsonObject Trail(string connectionId, string hostId, string userId, DateTimeOffset connected)
    {
        JsonObject File(string name, int offset) => new()
        {
            ["id"] = StableId($"file:{connectionId}:{name}"),
            ["name"] = name,
            ["offset"] = offset,
            ["direction"] = 0,
            ["open_time"] = Stamp(connected.AddMinutes(1)),
            ["close_time"] = Stamp(connected.AddMinutes(2)),
            ["payload_size"] = 2048,
            ["closed"] = true,
            ["status"] = "OK",
        };

        return new JsonObject
        {
            ["connection_id"] = connectionId,
            ["host_id"] = hostId,
            ["user_id"] = userId,
            ["protocol"] = "SSH",
            ["channels"] = new JsonArray(new JsonObject
            {
                ["id"] = "0",
                ["type"] = "session",
                ["bytes_client_to_server"] = 512,
                ["bytes_server_to_client"] = 8192,
                ["protocol_file"] = File("protocol", 0),
                ["transferred_files"] = new JsonArray(File("backup.sql", 1)),
            }),
        };
    }

    private static string Duration(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"PT{(int)span.TotalHours:00}:{span.Minutes:00}:{span.Seconds:00}");

    private static DateTimeOffset? Time(JsonObject input, string name) =>
        Text(input, name) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
                : throw new ArgumentException($"{name} is not an RFC 3339 time")
            : null;

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
}
