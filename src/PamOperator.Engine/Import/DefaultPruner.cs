using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Engine.Planning;

namespace PamOperator.Engine.Import;

/// <summary>
/// Removes from a live spec what a manifest need not say: members equal to the vendor default, empty nested objects
/// and empty lists. Defaults and equality are the planner's own (SpecNormalizer, ValueKeys), so the pruned manifest
/// plans as "no changes".
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

    /// <summary>Exactly the planner's notion: the default it would fill in, compared the way it compares.</summary>
    private static bool IsDefault(FieldDescriptor field, JsonNode value) =>
        SpecNormalizer.DefaultOf(field) is { } fallback && ValueKeys.Equal(field, value, fallback);
}
