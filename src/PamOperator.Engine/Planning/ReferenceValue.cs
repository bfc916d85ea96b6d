using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>One reference found in a spec: the field, its dotted path and the PAM name it names.</summary>
internal readonly record struct ReferenceValue(FieldDescriptor Field, string Path, string Target)
{
    /// <summary>The referenced object's wire type.</summary>
    public string WireType => Field.References ?? "";

    /// <summary>Every non-empty reference in <paramref name="spec"/>: top level, nested objects and object-list items.</summary>
    public static IEnumerable<ReferenceValue> In(IReadOnlyList<FieldDescriptor> fields, JsonObject? spec, string prefix = "")
    {
        if (spec is null)
        {
            yield break;
        }

        foreach (var field in fields)
        {
            if (!spec.TryGetPropertyValue(field.Name, out var node) || node is null)
            {
                continue;
            }

            var path = prefix + field.Name;
            if (field.Type == FieldType.Reference && field.References is not null
                && node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } target)
            {
                yield return new ReferenceValue(field, path, target);
            }
            else if (field.Type == FieldType.Object)
            {
                foreach (var r in In(field.Fields, node as JsonObject, path + "."))
                {
                    yield return r;
                }
            }
            else if (field.Type == FieldType.ObjectList && node is JsonArray items)
            {
                foreach (var r in items.SelectMany(item => In(field.Fields, item as JsonObject, path + ".")))
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>True when the kind has any reference field (at any depth).</summary>
    public static bool KindHasReferences(IReadOnlyList<FieldDescriptor> fields) =>
        fields.Any(f => (f.Type == FieldType.Reference && f.References is not null) || KindHasReferences(f.Fields));

    /// <summary>Every wire type the fields can reference (at any depth).</summary>
    public static IEnumerable<string> TargetTypes(IReadOnlyList<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.Type == FieldType.Reference && f.References is not null ? [f.References] : TargetTypes(f.Fields));
}
