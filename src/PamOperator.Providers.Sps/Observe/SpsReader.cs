using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Providers.Sps.Http;
using PamOperator.Providers.Sps.Kinds;

namespace PamOperator.Providers.Sps.Observe;

/// <summary>
/// Observes the local users, local usergroups and usergroup ACLs. SPS collections list keys only (seed 002), so each
/// user and group is read with one GET (at most 8 at once); the ACLs come in one answer. Group members (user keys) are
/// named from the users read in the same observe. Never writes. Objects the session's own open transaction changed
/// would show here, but observe runs outside any transaction of this client. Progress counts each user and group as its
/// GET answers (users read only to name group members are not counted) and the ACLs once, from their one answer.
/// </summary>
internal sealed class SpsReader(SpsClient client) : ILiveStateReader
{
    private const int Concurrency = 8;

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken) =>
        ObserveAsync(types, null, cancellationToken);

    public async Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress? progress, CancellationToken cancellationToken)
    {
        var wanted = types.Where(t => t.Group == SpsKinds.Group).Select(t => t.WireType).ToHashSet(StringComparer.Ordinal);
        Action<int>? Counting(KindDescriptor kind) =>
            progress is null || !wanted.Contains(kind.WireType) ? null : count => progress.Read(kind.Type, count);
        var objects = new List<LiveObject>();
        if (wanted.Contains(SpsKinds.UserType) || wanted.Contains(SpsKinds.GroupType))
        {
            var users = await ReadAllAsync(SpsWire.Users, Counting(SpsKinds.LocalUser), cancellationToken);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, body) in users)
            {
                var user = User(key, body);
                names[key] = user.Key;
                if (wanted.Contains(SpsKinds.UserType))
                {
                    objects.Add(user);
                }
            }

            if (wanted.Contains(SpsKinds.GroupType))
            {
                objects.AddRange((await ReadAllAsync(SpsWire.Groups, Counting(SpsKinds.LocalUserGroup), cancellationToken)).Select(g => Group(g.Key, g.Body, names)));
            }
        }

        if (wanted.Contains(SpsKinds.AclType))
        {
            var acls = Acls(await client.GetAsync(SpsWire.Acls, cancellationToken)).ToList();
            if (acls.Count > 0)
            {
                Counting(SpsKinds.UsergroupAcl)?.Invoke(acls.Count);
            }

            objects.AddRange(acls);
        }

        var duplicate = objects.GroupBy(o => (o.Type, o.Key), ObjectKeyComparer.Instance).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? new LiveState(objects)
            : throw SpsWire.Untrusted(duplicate.Key.Type.WireType, $"two objects are named '{duplicate.Key.Key}'");
    }

    private async Task<List<(string Key, JsonObject Body)>> ReadAllAsync(string collection, Action<int>? objectsRead, CancellationToken cancellationToken)
    {
        var keys = SpsWire.Keys(await client.GetAsync(collection, cancellationToken), collection);
        var bodies = new (string, JsonObject)[keys.Count];
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var path = SpsWire.ObjectPath(collection, keys[i], "a key in the list");
            bodies[i] = (keys[i], SpsWire.Body(await client.GetAsync(path, ct), path, keys[i]));
            objectsRead?.Invoke(1);
        });
        return [.. bodies];
    }

    private static LiveObject User(string key, JsonObject body)
    {
        var path = $"{SpsWire.Users}/{key}";
        var name = SpsWire.Text(body["name"]) ?? throw SpsWire.Untrusted(path, "the user has no name");
        var created = body["password_created"] switch
        {
            null => (long?)null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var seconds) => seconds,
            _ => throw SpsWire.Untrusted(path, "password_created is not a UNIX timestamp"),
        };
        var password = body["password"] switch
        {
            null => null,
            JsonObject reference => SpsWire.Text(reference["key"]) ?? throw SpsWire.Untrusted(path, "the password reference has no key"),
            _ => throw SpsWire.Untrusted(path, "password is not a reference object"),
        };
        return new LiveObject
        {
            Type = SpsKinds.LocalUser.Type,
            ExternalId = key,
            Key = name,
            Spec = [],
            Builtin = name == "admin",
            SecretUpdatedAt = created is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null,
            ProviderData = new JsonObject { ["password"] = password },
        };
    }

    private static LiveObject Group(string key, JsonObject body, Dictionary<string, string> userNames)
    {
        var path = $"{SpsWire.Groups}/{key}";
        var name = SpsWire.Text(body["name"]) ?? throw SpsWire.Untrusted(path, "the group has no name");
        if (body["members"] is not JsonArray members)
        {
            throw SpsWire.Untrusted(path, "members is not a list");
        }

        var named = members.Select(m => SpsWire.Text(m) is { } k && userNames.TryGetValue(k, out var user) ? user
            : throw SpsWire.Untrusted(path, "a member is not the key of a local user"));
        return new LiveObject
        {
            Type = SpsKinds.LocalUserGroup.Type,
            ExternalId = key,
            Key = name,
            Spec = new JsonObject
            {
                ["members"] = new JsonArray([.. named.Order(StringComparer.OrdinalIgnoreCase).Select(u => (JsonNode)new JsonObject { ["user"] = u })]),
            },
        };
    }

    /// <summary>One live object per usergroup named in the ACL list, its privileges one entry per object.</summary>
    private static IEnumerable<LiveObject> Acls(JsonObject? answer)
    {
        if (answer?["body"] is not JsonArray list)
        {
            throw SpsWire.Untrusted(SpsWire.Acls, "the ACL answer has no body list");
        }

        var byGroup = new Dictionary<string, List<(string Object, string Permission)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in list)
        {
            if (entry is not JsonObject o || SpsWire.Text(o["group"]) is not { } group || o["objects"] is not JsonArray objects
                || SpsWire.Text(o["permission"]) is not ("read" or "write") || objects.Any(x => SpsWire.Text(x) is null))
            {
                throw SpsWire.Untrusted(SpsWire.Acls, "an ACL is not {group, objects, permission: read|write}");
            }

            var privileges = byGroup.TryGetValue(group, out var found) ? found : byGroup[group] = [];
            privileges.AddRange(objects.Select(x => (x!.GetValue<string>(), o["permission"]!.GetValue<string>())));
        }

        return byGroup.Select(g => new LiveObject
        {
            Type = SpsKinds.UsergroupAcl.Type,
            ExternalId = g.Key,
            Key = g.Key,
            Spec = new JsonObject
            {
                ["privileges"] = new JsonArray([.. g.Value.Distinct().Order().Select(p => (JsonNode)new JsonObject { ["object"] = p.Object, ["permission"] = p.Permission })]),
            },
        });
    }

    private sealed class ObjectKeyComparer : IEqualityComparer<(ObjectType Type, string Key)>
    {
        public static readonly ObjectKeyComparer Instance = new();

        public bool Equals((ObjectType Type, string Key) x, (ObjectType Type, string Key) y) =>
            x.Type == y.Type && NaturalKey.Comparer.Equals(x.Key, y.Key);

        public int GetHashCode((ObjectType Type, string Key) obj) => HashCode.Combine(obj.Type, NaturalKey.Comparer.GetHashCode(obj.Key));
    }
}
