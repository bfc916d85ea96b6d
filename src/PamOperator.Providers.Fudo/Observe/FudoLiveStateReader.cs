using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Kinds;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Observe;

/// <summary>
/// Observes a Fudo PAM with one paged list call sequence per type, all types concurrently; never a GET per object.
/// The referenced types (users, servers, pools, listeners, password change policies) come from the same lists, so that
/// reference ids can be shown as PAM names.
/// </summary>
internal sealed class FudoLiveStateReader(FudoApiClient client, IReadOnlyList<KindDescriptor> kinds) : ILiveStateReader
{
    private readonly Dictionary<string, KindDescriptor> _kinds = kinds.ToDictionary(k => k.WireType, StringComparer.Ordinal);

    public async Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken)
    {
        // Only this vendor's types: another vendor's "safe" is another PAM's business.
        var toFetch = TypesToFetch([.. types.Where(t => t.Group == FudoGroup.Group).Select(t => t.WireType)]);
        var rows = new ConcurrentDictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        await Task.WhenAll(toFetch.Select(async type =>
            rows[type] = await ListAllAsync(type, cancellationToken)));

        var names = new IdNameIndex();
        foreach (var (type, list) in rows)
        {
            foreach (var row in list)
            {
                if (row["id"]?.ToString() is { } id && row["name"]?.ToString() is { } name)
                {
                    names.Add(type, id, name);
                }
            }
        }

        var timePolicies = rows.TryGetValue(FudoWireTypes.UserSafeTimePolicy, out var tp) ? TimePolicyMapping.Group(tp) : [];
        var objects = new List<LiveObject>();
        foreach (var (type, list) in rows)
        {
            if (type == FudoWireTypes.UserSafeTimePolicy)
            {
                continue;
            }

            objects.AddRange(list.Select(row => ToLiveObject(type, row, names, timePolicies)));
        }

        return new LiveState(objects);
    }

    private HashSet<string> TypesToFetch(IReadOnlyCollection<string> requested)
    {
        var types = new HashSet<string>(requested.Where(FudoWireTypes.IsKnown), StringComparer.Ordinal);
        foreach (var type in types.ToList())
        {
            if (_kinds.TryGetValue(type, out var kind))
            {
                types.UnionWith(ReferencedTypes(kind.Fields).Where(FudoWireTypes.IsKnown));
            }
        }

        if (types.Contains(FudoWireTypes.UserSafe))
        {
            types.Add(FudoWireTypes.UserSafeTimePolicy);
        }

        return types;
    }

    private static IEnumerable<string> ReferencedTypes(IEnumerable<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.References is { } r ? [r] : ReferencedTypes(f.Fields));

    private async Task<List<JsonObject>> ListAllAsync(string type, CancellationToken cancellationToken)
    {
        var fields = FudoWireTypes.ExtraFields(type).AsEnumerable();
        if (_kinds.TryGetValue(type, out var kind))
        {
            fields = fields.Concat(WireToSpec.WireNames(kind.Fields));
        }

        var list = new List<JsonObject>();
        await foreach (var row in client.ListAsync(FudoWireTypes.ListPath(type), FudoApiClient.FieldsParam(fields), null, cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    private LiveObject ToLiveObject(string type, JsonObject row, IdNameIndex names, Dictionary<(string, string), (JsonArray Windows, JsonObject RowIds)> timePolicies)
    {
        var id = row["id"]?.ToString() ?? "";
        var builtin = row["builtin"] is JsonValue b && b.TryGetValue<bool>(out var isBuiltin) && isBuiltin;
        var hidden = row["hidden"] is JsonValue h && h.TryGetValue<bool>(out var isHidden) && isHidden;
        if (!_kinds.TryGetValue(type, out var kind))
        {
            var name = row["name"]?.ToString() ?? id;
            return new LiveObject { Type = new ObjectType(FudoGroup.Group, type), ExternalId = id, Key = name, Spec = [], Builtin = builtin, Hidden = hidden };
        }

        var spec = WireToSpec.Map(kind, row, names);
        JsonObject? providerData = null;
        if (type == FudoWireTypes.UserSafe)
        {
            var pair = (row["user_id"]?.ToString() ?? "", row["safe_id"]?.ToString() ?? "");
            var found = timePolicies.TryGetValue(pair, out var policy);
            spec[TimePolicyMapping.SpecField] = found ? policy.Windows.DeepClone() : new JsonArray();
            providerData = new JsonObject { [FudoProviderData.TimePolicyIds] = found ? policy.RowIds.DeepClone() : new JsonObject() };
        }

        return new LiveObject
        {
            Type = kind.Type,
            ExternalId = id,
            Key = NaturalKey.Of(kind, row["name"]?.ToString() ?? "", spec),
            Spec = spec,
            Builtin = builtin,
            Hidden = hidden,
            SecretUpdatedAt = FudoTimestamp.Parse(row["password_lastupdate"]?.ToString()),
            ProviderData = providerData,
        };
    }
}
