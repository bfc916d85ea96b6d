using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>
/// Renders objects as a meta.k8s.io/v1 Table (what kubectl get asks for): Name, then the CRD's printer columns
/// (or Age when it declares none). Date columns are pre-formatted as ages ("5s", "3m"), as the real server does.
/// </summary>
internal static class TableRenderer
{
    public static JsonObject Render(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion, DateTimeOffset now)
    {
        var columns = type.PrinterColumns.Count > 0
            ? type.PrinterColumns
            : [new PrinterColumn("Age", "date", ".metadata.creationTimestamp", "Time since creation.")];
        var definitions = new JsonArray(new JsonObject { ["name"] = "Name", ["type"] = "string", ["format"] = "name", ["description"] = "Name", ["priority"] = 0 });
        foreach (var c in columns)
        {
            definitions.Add(new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["format"] = string.Empty, ["description"] = c.Description, ["priority"] = 0 });
        }

        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray(JsonValue.Create(Meta.Str(obj, "name")));
            foreach (var c in columns)
            {
                cells.Add(Cell(c, JsonPathEvaluator.First(obj, c.JsonPath), now));
            }

            rows.Add(new JsonObject
            {
                ["cells"] = cells,
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                },
            });
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = definitions,
            ["rows"] = rows,
        };
    }

    private static JsonNode? Cell(PrinterColumn column, JsonNode? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        if (column.Type == "date" && DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return JsonValue.Create(Age(now - at));
        }

        return value is JsonValue ? value.DeepClone() : JsonValue.Create(value.ToJsonString());
    }

    /// <summary>kubectl's short human durations: 42s, 5m, 3h, 2d.</summary>
    public static string Age(TimeSpan age)
    {
        var s = Math.Max(0, (long)age.TotalSeconds);
        return s switch
        {
            < 120 => $"{s}s",
            < 7200 => $"{s / 60}m",
            < 172800 => $"{s / 3600}h",
            _ => $"{s / 86400}d",
        };
    }
}
