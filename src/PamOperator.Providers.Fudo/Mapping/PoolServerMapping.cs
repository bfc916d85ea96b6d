using System.Text.Json.Nodes;
using PamOperator.Providers.Fudo.Kinds;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>A pool's servers are ServerPoolModel rows (<c>pool/server</c>: pool_id, server_id); the manifest shows them as
/// the list <c>servers</c> on the Pool, each item <c>{server: &lt;name&gt;}</c>, sorted by name for stable output.</summary>
internal static class PoolServerMapping
{
    public static Dictionary<string, JsonArray> Group(IEnumerable<IWireRow> rows, IdNameIndex names)
    {
        var byPool = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var pool = Text(row, "pool_id");
            if (!byPool.TryGetValue(pool, out var servers))
            {
                servers = [];
                byPool[pool] = servers;
            }

            servers.Add(names.NameOf(FudoWireTypes.Server, Text(row, "server_id")));
        }

        return byPool.ToDictionary(
            kv => kv.Key,
            kv => new JsonArray([.. kv.Value.Order(StringComparer.OrdinalIgnoreCase).Select(s => (JsonNode)new JsonObject { ["server"] = s })]),
            StringComparer.Ordinal);
    }

    /// <summary>The server names of a spec's <c>servers</c> list.</summary>
    public static IEnumerable<string> Names(JsonNode? list) =>
        (list as JsonArray ?? []).OfType<JsonObject>().Select(i => i["server"]?.ToString()).OfType<string>();

    public const string SpecField = PoolKind.ServersField;

    private static string Text(IWireRow row, string wireName) => row.TryGet(wireName, out var v) && !v.IsNull ? v.Text ?? "" : "";
}
