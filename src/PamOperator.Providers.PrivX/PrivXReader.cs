using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// Observes with list calls only: role-store roles (<c>role</c>: key = name) and the connection manager's connections
/// (<c>connection</c>: key = id), each connection translated to manifest vocabulary (<see cref="ToSpec"/>) with the
/// ownership records split out of its tags. A connection whose roles or tags are not in the documented shape fails the
/// observe (untrusted answer): nothing is planned or written after it. Progress counts every page of a returned kind as
/// it is read (roles listed only to name ownership records are not counted).
/// </summary>
internal sealed class PrivXReader(PrivXClient client) : ILiveStateReader
{
    public const string RolesPath = "role-store/api/v1/roles";
    public const string ConnectionsPath = "connection-manager/api/v1/connections";

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken) =>
        ObserveAsync(types, null, cancellationToken);

    public async Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress? progress, CancellationToken cancellationToken)
    {
        var wanted = types.Where(t => t.Group == PrivXKinds.Group).Select(t => t.WireType).ToHashSet(StringComparer.Ordinal);
        var objects = new List<LiveObject>();
        if (wanted.Count == 0)
        {
            return new LiveState(objects);
        }

        // Roles are needed to name the roles of ownership records, so they are listed whenever connections are.
        Action<int>? Counting(string wireType) =>
            progress is null || !wanted.Contains(wireType) ? null : count => progress.Read(new ObjectType(PrivXKinds.Group, wireType), count);
        var roles = await client.ListAsync(RolesPath, Counting(PrivXKinds.Role), cancellationToken);
        var roleNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in roles)
        {
            var name = Text(role["name"]) ?? throw Untrusted(RolesPath, "a role without a name");
            roleNames[Text(role["id"])!] = name;
            if (wanted.Contains(PrivXKinds.Role))
            {
                objects.Add(new LiveObject { Type = new ObjectType(PrivXKinds.Group, PrivXKinds.Role), ExternalId = Text(role["id"])!, Key = name, Spec = [] });
            }
        }

        if (wanted.Contains(PrivXKinds.Connection))
        {
            foreach (var connection in await client.ListAsync(ConnectionsPath, Counting(PrivXKinds.Connection), cancellationToken))
            {
                var id = Text(connection["id"])!;
                objects.Add(new LiveObject
                {
                    Type = new ObjectType(PrivXKinds.Group, PrivXKinds.Connection),
                    ExternalId = id,
                    Key = id,
                    Spec = ToSpec(connection, roleNames),
                });
            }
        }

        return new LiveState(objects);
    }

    /// <summary>A connection in manifest vocabulary: the attributes a selector can test, <c>accessRoles</c> (names),
    /// <c>tags</c> (without ownership records), and the owners records <c>accessRoleOwners</c> / <c>tagOwners</c>
    /// (manifest name to role names / tags).</summary>
    internal static JsonObject ToSpec(JsonObject c, IReadOnlyDictionary<string, string> roleNames)
    {
        var accessRoles = RoleNames(c, "access_roles", required: true);
        var tags = new JsonArray();
        var grantOwners = new SortedDictionary<string, JsonArray>(StringComparer.Ordinal);
        var tagOwners = new SortedDictionary<string, JsonArray>(StringComparer.Ordinal);
        if (c["tags"] is not (null or JsonArray) || (c["tags"] as JsonArray ?? []).Any(t => Text(t) is null))
        {
            throw Untrusted(ConnectionsPath, "tags that are not a list of strings");
        }

        foreach (var tag in (c["tags"] as JsonArray ?? []).Select(t => Text(t)!))
        {
            if (!OwnershipTags.TryParse(tag, out var what, out var manifest, out var value))
            {
                tags.Add(tag);
            }
            else if (what == OwnershipTags.Grant)
            {
                (grantOwners.TryGetValue(manifest, out var list) ? list : grantOwners[manifest] = []).Add(roleNames.GetValueOrDefault(value) ?? value);
            }
            else
            {
                (tagOwners.TryGetValue(manifest, out var list) ? list : tagOwners[manifest] = []).Add(value);
            }
        }

        return new JsonObject
        {
            ["id"] = Text(c["id"]),
            ["type"] = Text(c["type"]),
            ["authenticationMethods"] = new JsonArray([.. (c["authentication_method"] as JsonArray ?? []).Select(Text).OfType<string>().Select(v => (JsonNode)v)]),
            ["user"] = Text(c["user_data"]?["display_name"]),
            ["userRoles"] = RoleNames(c, "user_roles", required: false),
            ["targetHost"] = Text(c["target_host_data"]?["common_name"]),
            ["targetHostAddress"] = Text(c["target_host_address"]),
            ["targetHostAccount"] = Text(c["target_host_account"]),
            ["targetHostRoles"] = RoleNames(c, "target_host_roles", required: false),
            ["remoteAddress"] = Text(c["remote_address"]),
            ["status"] = Text(c["status"]),
            ["connected"] = Text(c["connected"]),
            ["accessRoles"] = accessRoles,
            ["accessRoleOwners"] = Record(grantOwners),
            ["tags"] = tags,
            ["tagOwners"] = Record(tagOwners),
        };
    }

    private static JsonArray RoleNames(JsonObject c, string attribute, bool required)
    {
        if (c[attribute] is null && !required)
        {
            return [];
        }

        if (c[attribute] is not JsonArray list || list.Any(r => r is not JsonObject o || Text(o["id"]) is not { } id || !PrivXClient.Uuid().IsMatch(id) || Text(o["name"]) is null))
        {
            throw Untrusted(ConnectionsPath, $"{attribute} that is not a list of {{id, name}} roles");
        }

        return [.. list.Select(r => (JsonNode)Text(r!["name"])!)];
    }

    private static JsonObject Record(SortedDictionary<string, JsonArray> owners)
    {
        var record = new JsonObject();
        foreach (var (owner, values) in owners)
        {
            record[owner] = values;
        }

        return record;
    }

    private static PamApiException Untrusted(string path, string what) =>
        new(ApiErrorKind.UntrustedAnswer, $"privx GET /{path} answered {what}");

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
