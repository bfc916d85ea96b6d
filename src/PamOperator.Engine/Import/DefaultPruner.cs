using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Import;

/// <summary>
/// Removes from a live spec what a manifest need not say: members equal to the vendor default, empty nested objects
/// and empty lists. The planner applies the same defaults, so the pruned manifest still plans as "no changes".
/// </summary>
internal static class DefaultPruner
{
    public static JsonObject Prune(IReadOnlyList<FieldDescriptor> fields, JsonObject spec)
    {
        var result = new JsonObject();
        foreach (var (name, value) in spec)
        {
            var field = fields.FirstOrDefault(f => f.Name == name);
            if (field is null || value is null)
            {
                continue;
            }

            switch (value)
            {
                case JsonObject nested when field.Type == FieldType.Object:
                    var pruned = Prune(field.Fields, nested);
                    if (pruned.Count > 0)
                    {
                        result[name] = pruned;
                    }

                    break;
                case JsonArray { Count: 0 }:
                    break;
                default:
                    if (!IsDefault(field, value) || !(field.DefaultWhen?.IsMetBy(spec) ?? true))
                    {
                        result[name] = value.DeepClone();
                    }

                    break;
            }
        }

        return result;
    }

    private static bool IsDefault(FieldDescriptor field, JsonNode value) => field.Default switch
    {
        null => false,
        bool b => value is JsonValue v && v.TryGetValue<bool>(out var x) && x == b,
        long l => value is JsonValue v && v.TryGetValue<long>(out var x) && x == l,
        int i => value is JsonValue v && v.TryGetValue<long>(out var x) && x == i,
        string s => value is JsonValue v && v.TryGetValue<string>(out var x) && string.Equals(x, s, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
