using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PamOperator.Simulators.Fudo.Fixtures;

/// <summary>
/// Loads a fixtures YAML through the same create path as the API (every model rule applies), adding what only
/// fixtures may set: fixed ids, <c>builtin</c>/<c>hidden</c>, references by name, a pool's <c>servers</c>.
/// Returns one readable problem per refused item; the caller decides whether to keep what loaded.
/// </summary>
internal static class FixtureLoader
{
    public static string DefaultYaml
    {
        get
        {
            using var stream = typeof(FixtureLoader).Assembly.GetManifestResourceStream("PamOperator.Simulators.Fudo.default-fixtures.yaml")
                ?? throw new InvalidOperationException("the default fixtures resource is missing from the assembly");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static IReadOnlyList<string> Load(ObjectService service, string yaml, string source)
    {
        Dictionary<string, List<Dictionary<string, object?>>?>? document;
        try
        {
            document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, List<Dictionary<string, object?>>?>?>(yaml);
        }
        catch (YamlException ex)
        {
            return [$"{source}: not a fixtures document: {ex.Message}"];
        }

        document ??= [];
        var problems = document.Keys.Where(k => FixtureSections.InLoadOrder.All(s => s.Section != k))
            .Select(k => $"{source}: unknown section '{k}'").ToList();
        foreach (var (section, type) in FixtureSections.InLoadOrder)
        {
            var items = document.GetValueOrDefault(section) ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                var problem = LoadItem(service, ModelCatalog.Get(type), items[i] ?? []);
                if (problem is not null)
                {
                    problems.Add($"{source}: {section}[{i}]: {problem}");
                }
            }
        }

        return problems;
    }

    private static string? LoadItem(ObjectService service, ModelSchema schema, Dictionary<string, object?> item)
    {
        var body = new JsonObject();
        var system = new JsonObject();
        long? id = null;
        List<object?>? servers = null;
        foreach (var (key, value) in item)
        {
            switch (key)
            {
                case "id" when long.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var fixedId):
                    id = fixedId;
                    break;
                case "builtin" or "hidden":
                    system[key] = value as string == "true";
                    break;
                case "servers" when schema.Type == WireTypes.Pool && value is List<object?> names:
                    servers = names;
                    break;
                default:
                    var problem = FixtureValues.Put(service.Store, schema, body, key, value);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    break;
            }
        }

        var error = service.Create(schema, body, out var created, system, id);
        if (error is not null)
        {
            return error.Message;
        }

        foreach (var server in servers ?? [])
        {
            var row = new Dictionary<string, object?> { ["pool"] = created!.Name, ["server"] = server };
            var problem = LoadItem(service, ModelCatalog.Get(WireTypes.PoolServer), row);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
