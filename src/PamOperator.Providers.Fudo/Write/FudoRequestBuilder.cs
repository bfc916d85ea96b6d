using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// The Fudo requests one write needs, in order (seeds 000/001 and docs/simulator.md for the paths):
/// named objects by id (<c>safe/&lt;id&gt;</c>); user-safe pairs by <c>user/&lt;u&gt;/safe/&lt;s&gt;</c> with their time
/// policy as separate rows; pools with their pool-server rows and users with their authentication methods (the rows of
/// a new object name it by <see cref="FudoRequest.CreatedId"/>); account-safe-listener rows by their key triple; grants
/// by id. Reference names become ids
/// through the session's <see cref="IdRegistry"/>. Every id put into a path came from the PAM, so each one goes through
/// <see cref="FudoIds.Segment"/> (Fudo's id format, escaped): a hostile id such as <c>../user/1</c> never becomes a path.
/// </summary>
internal static class FudoRequestBuilder
{
    public static IReadOnlyList<FudoRequest> Build(WriteOperation op, IdRegistry ids) => op.Operation switch
    {
        WriteKind.Create => Create(op, ids),
        WriteKind.Update => Update(op, ids),
        _ => [Delete(op, ids)],
    };

    private static List<FudoRequest> Create(WriteOperation op, IdRegistry ids)
    {
        var spec = op.Spec ?? [];
        var body = SpecToWire.Map(op.Kind, spec, ids.IdOf, op.Secrets);
        if (op.Kind.IsNamed)
        {
            body["name"] = op.Key;
        }

        var createsType = op.Kind.WireType == FudoWireTypes.AccountSafeListener ? null : op.Kind.WireType;
        var requests = new List<FudoRequest> { new(HttpMethod.Post, FudoWireTypes.ListPath(op.Kind.WireType), body, createsType) };
        if (op.Kind.WireType == FudoWireTypes.UserSafe)
        {
            // Deleting the pair removes its time policy rows with it (docs/simulator.md, cascades).
            requests[0] = requests[0] with { Undo = _ => new FudoRequest(HttpMethod.Delete,
                $"user/{FudoIds.Segment(body["user_id"]?.ToString(), "the user's id")}/safe/{FudoIds.Segment(body["safe_id"]?.ToString(), "the safe's id")}", null) };
            requests.AddRange(Windows(spec[TimePolicyMapping.SpecField]).Select(w => AddWindow(spec, w, ids)));
        }
        else if (op.Kind.WireType is FudoWireTypes.Pool or FudoWireTypes.User)
        {
            // Its rows go with it: deleting the new object takes back the whole write.
            var path = FudoWireTypes.ListPath(op.Kind.WireType);
            requests[0] = requests[0] with
            {
                Undo = answer => answer.CreatedId is { } id ? new FudoRequest(HttpMethod.Delete, $"{path}/{FudoIds.Segment(id, "the new object's id")}", null) : null,
            };
            requests.AddRange(op.Kind.WireType == FudoWireTypes.Pool
                ? PoolServerRequests.ForCreate(spec, ids)
                : AuthenticationMethodRequests.ForCreate(spec, op.Secrets));
        }

        return requests;
    }

    private static List<FudoRequest> Update(WriteOperation op, IdRegistry ids)
    {
        var changes = (JsonObject)(op.Spec ?? []).DeepClone();
        var requests = new List<FudoRequest>();
        var timePolicyChanged = changes.Remove(TimePolicyMapping.SpecField, out var newWindows);
        JsonNode? newServers = null;
        JsonNode? newMethods = null;
        var poolServersChanged = op.Kind.WireType == FudoWireTypes.Pool && changes.Remove(PoolServerMapping.SpecField, out newServers);
        var methodsChanged = op.Kind.WireType == FudoWireTypes.User && changes.Remove(AuthenticationMethodMapping.SpecField, out newMethods);
        var body = SpecToWire.Map(op.Kind, changes, ids.IdOf, op.Secrets);
        if (body.Count > 0)
        {
            var path = ObjectPath(op, ids);
            var old = SpecToWire.Map(op.Kind, OldValues(changes, op.LiveSpec ?? []), ids.IdOf, new Dictionary<string, string>());
            requests.Add(new FudoRequest(HttpMethod.Patch, path, body) { Undo = _ => new FudoRequest(HttpMethod.Patch, path, old) });
        }

        if (timePolicyChanged)
        {
            var live = op.LiveSpec ?? [];
            var before = Windows(live[TimePolicyMapping.SpecField]).ToHashSet();
            var after = Windows(newWindows).ToHashSet();
            var rowIds = op.ProviderData?[FudoProviderData.TimePolicyIds] as JsonObject;
            requests.AddRange(before.Except(after).Select(w =>
                new FudoRequest(HttpMethod.Delete, $"user/safe/time_policy/{FudoIds.Segment(rowIds?[w.RowKey]?.ToString() ?? throw MissingRow(w), "a time-policy row's id")}", null)
                {
                    Undo = _ => AddWindow(live, w, ids),
                }));
            requests.AddRange(after.Except(before).Select(w => AddWindow(live, w, ids)));
        }

        var liveSpec = op.LiveSpec ?? [];
        if (poolServersChanged)
        {
            requests.AddRange(PoolServerRequests.ForUpdate(ObjectId(op, ids), liveSpec[PoolServerMapping.SpecField], newServers, ids));
        }

        if (methodsChanged)
        {
            requests.AddRange(AuthenticationMethodRequests.ForUpdate(ObjectId(op, ids), liveSpec[AuthenticationMethodMapping.SpecField], newMethods,
                op.ProviderData?[FudoProviderData.AuthenticationMethodIds] as JsonObject, op.Secrets));
        }

        return requests;
    }

    private static string ObjectId(WriteOperation op, IdRegistry ids) => op.ExternalId ?? ids.IdOf(op.Kind.WireType, op.Key);

    private static FudoRequest Delete(WriteOperation op, IdRegistry ids) => new(HttpMethod.Delete, ObjectPath(op, ids), null);

    /// <summary>Where the existing object lives.</summary>
    private static string ObjectPath(WriteOperation op, IdRegistry ids)
    {
        var live = op.LiveSpec ?? op.Spec ?? [];
        string Ref(string field, string type) => FudoIds.Segment(ids.IdOf(type, live[field]?.ToString() ?? ""), $"the id of {type} '{live[field]}'");
        return op.Kind.WireType switch
        {
            FudoWireTypes.UserSafe => $"user/{Ref("user", "user")}/safe/{Ref("safe", "safe")}",
            FudoWireTypes.AccountSafeListener => $"account/{Ref("account", "account")}/safe/{Ref("safe", "safe")}/listener"
                + (live["listener"]?.ToString() is { Length: > 0 } ? "/" + Ref("listener", "listener") : ""),
            _ => $"{FudoWireTypes.ListPath(op.Kind.WireType)}/{FudoIds.Segment(op.ExternalId ?? ids.IdOf(op.Kind.WireType, op.Key), $"the id of {op.Kind.WireType} '{op.Key}'")}",
        };
    }

    private static FudoRequest AddWindow(JsonObject spec, TimeWindow w, IdRegistry ids) => new(
        HttpMethod.Post,
        "user/safe/time_policy",
        new JsonObject
        {
            ["user_id"] = ids.IdOf("user", spec["user"]?.ToString() ?? ""),
            ["safe_id"] = ids.IdOf("safe", spec["safe"]?.ToString() ?? ""),
            ["day_of_week"] = w.Day,
            ["valid_from"] = w.From,
            ["valid_to"] = w.To,
        })
    {
        Undo = answer => answer.CreatedId is { } id ? new FudoRequest(HttpMethod.Delete, $"user/safe/time_policy/{FudoIds.Segment(id, "a time-policy row's id")}", null) : null,
        Repeatable = true,
    };

    /// <summary>The live values of the members <paramref name="changes"/> sets (nested groups kept), null when unset.</summary>
    private static JsonObject OldValues(JsonObject changes, JsonObject live)
    {
        var old = new JsonObject();
        foreach (var (name, value) in changes)
        {
            old[name] = value is JsonObject nested && live[name] is JsonObject liveNested
                ? OldValues(nested, liveNested)
                : live[name]?.DeepClone();
        }

        return old;
    }

    private static IEnumerable<TimeWindow> Windows(JsonNode? list) =>
        (list as JsonArray ?? []).OfType<JsonObject>().Select(TimeWindow.Parse);

    private static PamApiException MissingRow(TimeWindow w) =>
        new(ApiErrorKind.Conflict, $"the time policy window {w.RowKey} changed since it was observed; plan again");
}
