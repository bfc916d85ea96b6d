using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.PrivX.Store;

/// <summary>
/// Loads fixtures (<c>{"roles": [...], "hosts": [...], "connections": [...]}</c>, short forms completed by
/// <see cref="WireBuilder"/>) into an empty store: the built-in set (Fixtures/default-fixtures.json) or a file.
/// A bad file is an <see cref="ArgumentException"/> naming the section and item.
/// </summary>
internal static class FixtureLoader
{
    public static JsonObject Read(string? path)
    {
        try
        {
            if (path is not null)
            {
                return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new ArgumentException($"{path}: not a JSON object");
            }

            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PamOperator.Simulators.PrivX.default-fixtures.json")!;
            return JsonNode.Parse(stream)!.AsObject();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{path}: malformed JSON ({ex.Message})", ex);
        }
    }

    public static void Load(PrivXStore store, JsonObject fixtures, TimeProvider time)
    {
        foreach (var section in fixtures.Select(p => p.Key).Where(k => k is not ("roles" or "hosts" or "connections")))
        {
            throw new ArgumentException($"fixtures: unknown section '{section}' (roles, hosts, connections)");
        }

        store.Add(PrivXStore.Roles, [.. Items(fixtures, "roles").Select(WireBuilder.Role)]);
        store.Add(PrivXStore.Hosts, [.. Items(fixtures, "hosts").Select(WireBuilder.Host)]);
        var builder = new WireBuilder(store, time);
        if (!store.Add(PrivXStore.Connections, [.. Items(fixtures, "connections").Select(builder.Connection)]))
        {
            throw new ArgumentException("fixtures: two connections share an id");
        }
    }

    private static IEnumerable<JsonObject> Items(JsonObject fixtures, string section) =>
        fixtures[section] switch
        {
            null => [],
            JsonArray list => list.Select((i, n) => i as JsonObject ?? throw new ArgumentException($"fixtures: {section}[{n}] is not an object")),
            _ => throw new ArgumentException($"fixtures: {section} is not an array"),
        };
}
