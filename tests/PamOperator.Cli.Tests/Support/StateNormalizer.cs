using System.Text.Json.Nodes;

namespace PamOperator.Cli.Tests;

/// <summary>
/// The simulator's state in a form that survives compensation: a recreated object gets a new id and new timestamps,
/// so ids, <c>created_at</c>, <c>modified_at</c> and <c>password_lastupdate</c> are dropped, every id-valued attribute is
/// replaced by <c>type:name</c> of what it points to, and rows are sorted. Two states that differ only in ids and times
/// normalize to the same text; anything else (a lost or duplicated object, a changed attribute) shows.
/// </summary>
public static class StateNormalizer
{
    private static readonly string[] Managed = ["safe", "account", "user/safe", "user/safe/time_policy", "account/safe/listener", "grant/safe", "grant/account"];
    private static readonly string[] Referenced = ["user", "server", "pool", "listener", "password_change_policy"];
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "id", "created_at", "modified_at", "password_lastupdate" };

    public static async Task<string> NormalizedAsync(Uri baseAddress, string apiKey)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        var lists = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var path in Managed.Concat(Referenced))
        {
            var body = JsonNode.Parse(await http.GetStringAsync($"api/v2/{path}?limit=10000"))!.AsObject();
            lists[path] = body.First(p => p.Key != "result").Value!.DeepClone().AsArray();
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, rows) in lists)
        {
            foreach (var row in rows.OfType<JsonObject>().Where(r => r["name"] is not null))
            {
                names[row["id"]!.ToString()] = $"{path}:{row["name"]}";
            }
        }

        var normalized = new JsonObject();
        foreach (var path in Managed)
        {
            var rows = lists[path].OfType<JsonObject>().Select(r => Normalize(r, names).ToJsonString()).Order(StringComparer.Ordinal);
            normalized[path] = new JsonArray([.. rows.Select(r => JsonNode.Parse(r))]);
        }

        return normalized.ToJsonString();
    }

    private static JsonObject Normalize(JsonObject row, Dictionary<string, string> names)
    {
        var result = new JsonObject();
        foreach (var (key, value) in row.Where(p => !Dropped.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = Map(value, names);
        }

        return result;
    }

    private static JsonNode? Map(JsonNode? value, Dictionary<string, string> names) => value switch
    {
        JsonArray array => new JsonArray([.. array.Select(v => Map(v, names)).Select(v => v?.ToJsonString() ?? "null").Order(StringComparer.Ordinal).Select(t => JsonNode.Parse(t))]),
        JsonObject obj => Normalize(obj, names),
        JsonValue v when v.ToString() is { } text && names.TryGetValue(text, out var name) => JsonValue.Create(name),
        _ => value?.DeepClone(),
    };
}
