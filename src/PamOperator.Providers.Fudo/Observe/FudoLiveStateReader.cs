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
/// reference ids can be shown as PAM names. Pages are parsed straight into typed <see cref="FudoRow"/>s (no JSON node
/// per object); an answer that is not the documented shape fails the whole observe (untrusted answer), so a run never
/// plans, let alone writes, from it. The whole observe runs within the client's observe deadline.
/// </summary>
internal sealed class FudoLiveStateReader(FudoApiClient client, IReadOnlyList<KindDescriptor> kinds) : ILiveStateReader
{
    private readonly Dictionary<string, KindDescriptor> _kinds = kinds.ToDictionary(k => k.WireType, StringComparer.Ordinal);

    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken) =>
        ObserveAsync(types, null, cancellationToken);

    /// <summary>As above, telling <paramref name="progress"/> the rows of every page (folded and referenced types included).</summary>
    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress? progress, CancellationToken cancellationToken) =>
        client.ObserveAsync(ct => ObserveWithinDeadlineAsync(
            // Only this vendor's types: another vendor's "safe" is another PAM's business.
            [.. types.Where(t => t.Group == FudoGroup.Group).Select(t => t.WireType)], progress, ct), cancellationToken);

    private async Task<LiveState> ObserveWithinDeadlineAsync(IReadOnlyCollection<string> wireTypes, IObserveProgress? progress, CancellationToken cancellationToken)
    {
        var toFetch = TypesToFetch(wireTypes);
        var rows = new ConcurrentDictionary<string, List<FudoRow>>(StringComparer.Ordinal);
        await Task.WhenAll(toFetch.Select(async type =>
            rows[type] = await ListAllAsync(type, progress, cancellationToken)));

        var names = new IdNameIndex();
        foreach (var (type, list) in rows)
        {
            foreach (var row in list)
            {
                if (row.Text("name") is { } name)
                {
                    names.Add(type, row.Id, name);
                }
            }
        }

        var folded = new FoldedRows(
            rows.TryGetValue(FudoWireTypes.UserSafeTimePolicy, out var tp) ? TimePolicyMapping.Group(tp) : [],
            rows.TryGetValue(FudoWireTypes.PoolServer, out var ps) ? PoolServerMapping.Group(ps, names) : null,
            rows.TryGetValue(FudoWireTypes.UserAuthenticationMethod, out var am) ? AuthenticationMethodMapping.Group(am) : null);
        var objects = new List<LiveObject>();
        foreach (var (type, list) in rows)
        {
            if (FudoWireTypes.FoldedInto.ContainsKey(type))
            {
                continue;
            }

            objects.AddRange(list.Select(row => ToLiveObject(type, row, names, folded)));
        }

        return new LiveState(objects);
    }

    private HashSet<string> TypesToFetch(IReadOnlyCollection<string> requested)
    {
        var types = new HashSet<string>(requested.Where(FudoWireTypes.IsKnown), StringComparer.Ordinal);
        // Referenced types, transitively (an account's pool needs its servers' names); at most one pass per kind.
        var pending = new Queue<string>(types);
        while (pending.TryDequeue(out var type))
        {
            if (_kinds.TryGetValue(type, out var kind))
            {
                foreach (var referenced in ReferencedTypes(kind.Fields).Where(t => FudoWireTypes.IsKnown(t) && types.Add(t)))
                {
                    pending.Enqueue(referenced);
                }
            }
        }

        // Rows folded into an owner's spec only when the owner's kind was asked for: a user that is merely referenced
        // (by an assignment) needs its name, not its authentication methods.
        foreach (var (rowType, owner) in FudoWireTypes.FoldedInto)
        {
            if (requested.Contains(owner))
            {
                types.Add(rowType);
            }
        }

        return types;
    }

    private static IEnumerable<string> ReferencedTypes(IEnumerable<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.References is { } r ? [r] : ReferencedTypes(f.Fields));

    private Task<List<FudoRow>> ListAllAsync(string type, IObserveProgress? progress, CancellationToken cancellationToken)
    {
        var objectType = new ObjectType(FudoGroup.Group, type);
        return client.ListAsync(FudoWireTypes.ListPath(type), FudoColumns.For(type, _kinds.GetValueOrDefault(type)), null,
            progress is null ? null : count => progress.Read(objectType, count), cancellationToken);
    }

    private LiveObject ToLiveObject(string type, FudoRow row, IdNameIndex names, FoldedRows folded)
    {
        var id = row.Id;
        var builtin = row.Flag("builtin");
        var hidden = row.Flag("hidden");
        if (!_kinds.TryGetValue(type, out var kind))
        {
            var name = row.Text("name") ?? id;
            return new LiveObject { Type = new ObjectType(FudoGroup.Group, type), ExternalId = id, Key = name, Spec = [], Builtin = builtin, Hidden = hidden };
        }

        var spec = WireToSpec.Map(kind, row, names);
        JsonObject? providerData = null;
        if (type == FudoWireTypes.UserSafe)
        {
            var pair = (row.Text("user_id") ?? "", row.Text("safe_id") ?? "");
            var found = folded.TimePolicies.TryGetValue(pair, out var policy);
            spec[TimePolicyMapping.SpecField] = found ? policy.Windows.DeepClone() : new JsonArray();
            providerData = new JsonObject { [FudoProviderData.TimePolicyIds] = found ? policy.RowIds.DeepClone() : new JsonObject() };
        }
        else if (type == FudoWireTypes.Pool && folded.PoolServers is not null)
        {
            spec[PoolServerMapping.SpecField] = folded.PoolServers.TryGetValue(id, out var servers) ? servers.DeepClone() : new JsonArray();
        }
        else if (type == FudoWireTypes.User && folded.Methods is not null)
        {
            var found = folded.Methods.TryGetValue(id, out var methods);
            spec[AuthenticationMethodMapping.SpecField] = found ? methods.Items.DeepClone() : new JsonArray();
            providerData = new JsonObject { [FudoProviderData.AuthenticationMethodIds] = found ? methods.RowIds.DeepClone() : new JsonObject() };
        }

        return new LiveObject
        {
            Type = kind.Type,
            ExternalId = id,
            Key = NaturalKey.Of(kind, row.Text("name") ?? "", spec),
            Spec = spec,
            Builtin = builtin,
            Hidden = hidden,
            SecretUpdatedAt = FudoTimestamp.Parse(row.Text("password_lastupdate")),
            ProviderData = providerData,
        };
    }

    /// <summary>Rows folded into their owners' specs, grouped by owner.</summary>
    private sealed record FoldedRows(
        Dictionary<(string, string), (JsonArray Windows, JsonObject RowIds)> TimePolicies,
        Dictionary<string, JsonArray>? PoolServers,
        Dictionary<string, (JsonArray Items, JsonObject RowIds)>? Methods);
}
