using System.Text.Json.Nodes;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// The pool-server rows behind a Pool's <c>servers</c>: <c>POST pool/server {"pool_id","server_id"}</c> per server added,
/// <c>DELETE pool/&lt;pool_id&gt;/server/&lt;server_id&gt;</c> per server removed (the pair addresses the row, like a
/// user-safe pair). Each request carries its undo.
/// </summary>
internal static class PoolServerRequests
{
    /// <summary>The rows of a new pool, whose id is <see cref="FudoRequest.CreatedId"/> until it is known.</summary>
    public static IEnumerable<FudoRequest> ForCreate(JsonObject spec, IdRegistry ids) =>
        // No undo of their own: undoing the pool's create deletes the pool, and its rows with it.
        PoolServerMapping.Names(spec[PoolServerMapping.SpecField])
            .Select(server => Add(FudoRequest.CreatedId, ids.IdOf(FudoWireTypes.Server, server)) with { Undo = null });

    /// <summary>Removals first, then additions (server names compared ignoring case, as Fudo names are).</summary>
    public static IEnumerable<FudoRequest> ForUpdate(string poolId, JsonNode? before, JsonNode? after, IdRegistry ids)
    {
        var old = PoolServerMapping.Names(before).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = PoolServerMapping.Names(after).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = old.Except(now, StringComparer.OrdinalIgnoreCase).Select(s => Remove(poolId, ids.IdOf(FudoWireTypes.Server, s)));
        var added = now.Except(old, StringComparer.OrdinalIgnoreCase).Select(s => Add(poolId, ids.IdOf(FudoWireTypes.Server, s)));
        return [.. removed, .. added];
    }

    private static FudoRequest Add(string poolId, string serverId) =>
        new(HttpMethod.Post, FudoWireTypes.ListPath(FudoWireTypes.PoolServer), new JsonObject { ["pool_id"] = poolId, ["server_id"] = serverId })
        {
            Undo = _ => Remove(poolId, serverId) with { Undo = null },
        };

    private static FudoRequest Remove(string poolId, string serverId) =>
        new(HttpMethod.Delete, $"pool/{Segment(poolId, "the pool's id")}/server/{FudoIds.Segment(serverId, "a server's id")}", null)
        {
            Undo = _ => Add(poolId, serverId) with { Undo = null },
        };

    private static string Segment(string id, string what) => id == FudoRequest.CreatedId ? id : FudoIds.Segment(id, what);
}
