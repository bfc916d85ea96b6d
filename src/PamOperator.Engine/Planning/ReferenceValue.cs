using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>One reference found in a spec: the field, its dotted path, the PAM name it names, and the referenced
/// object's vendor-qualified type (references never leave their vendor).</summary>
internal readonly record struct ReferenceValue(FieldDescriptor Field, string Path, string Target, ObjectType Type)
{
    /// <summary>Every non-empty reference in <paramref name="spec"/> of a <paramref name="kind"/> object: top level,
    /// nested objects and object-list items.</summary>
    public static IEnumerable<ReferenceValue> In(KindDescriptor kind, JsonObject? spec) => In(kind.Group, kind.Fields, spec, "");

    private static IEnumerable<ReferenceValue> In(string group, IReadOnlyList<FieldDescriptor> fields, JsonObject? spec, string prefix)
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
                yield return new ReferenceValue(field, path, target, new ObjectType(group, field.References));
            }
            else if (field.Type == FieldType.Object)
            {
                foreach (var r in In(group, field.Fields, node as JsonObject, path + "."))
                {
                    yield return r;
                }
            }
            else if (field.Type == FieldType.ObjectList && node is JsonArray items)
            {
                foreach (var r in items.SelectMany(item => In(group, field.Fields, item as JsonObject, path + ".")))
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>True when the kind has any reference field (at any depth).</summary>
    public static bool KindHasReferences(IReadOnlyList<FieldDescriptor> fields) =>
        fields.Any(f => (f.Type == FieldType.Reference && f.References is not null) || KindHasReferences(f.Fields));

    /// <summary>Every type a <paramref name="kind"/> object can reference (at any depth).</summary>
    public static IEnumerable<ObjectType> TargetTypes(KindDescriptor kind) => TargetWireTypes(kind.Fields).Select(w => new ObjectType(kind.Group, w));

    private static IEnumerable<string> TargetWireTypes(IReadOnlyList<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.Type == FieldType.Reference && f.References is not null ? [f.References] : TargetWireTypes(f.Fields));
}
