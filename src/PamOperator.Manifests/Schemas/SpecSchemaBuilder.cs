using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Kinds;

namespace PamOperator.Manifests.Schemas;

/// <summary>
/// Derives the schema of a kind's <c>spec</c> from its descriptor (vendor fields, then control fields). The CLI's
/// JSON Schema and the CRD's openAPIV3Schema both come from here, so they cannot drift apart.
/// </summary>
public static class SpecSchemaBuilder
{
    /// <summary>All spec fields of <paramref name="kind"/>: its own, then the control fields when it has them.</summary>
    public static IReadOnlyList<FieldDescriptor> SpecFields(KindDescriptor kind) =>
        kind.HasControlFields ? [.. kind.Fields, .. ControlFieldDescriptors.All] : kind.Fields;

    public static JsonObject Build(KindDescriptor kind, SchemaFlavor flavor)
    {
        var fields = SpecFields(kind);
        var schema = ObjectSchema(fields, kind.Description, flavor, !kind.Namespaced);
        if (flavor == SchemaFlavor.Crd)
        {
            var rules = kind.Rules.Select(CrdRules.Node).Concat(CrdRules.OptionalImmutable(fields)).ToList();
            CrdRules.Add(schema, rules);
        }

        return schema;
    }

    private static JsonObject ObjectSchema(IReadOnlyList<FieldDescriptor> fields, string description, SchemaFlavor flavor, bool clusterScoped) =>
        SchemaNodes.Object(
            flavor,
            description,
            fields.Select(f => (f.Name, FieldSchema(f, flavor, clusterScoped))),
            [.. fields.Where(f => f.Required).Select(f => f.Name)]);

    private static JsonObject FieldSchema(FieldDescriptor field, SchemaFlavor flavor, bool clusterScoped)
    {
        var schema = field.Type switch
        {
            FieldType.Secret => SecretSchema.Build(field.Description, clusterScoped, flavor),
            FieldType.Object => ObjectSchema(field.Fields, field.Description, flavor, clusterScoped),
            FieldType.ObjectList => ListSchema(field, flavor, clusterScoped),
            FieldType.StringList => ScalarSchemas.StringList(field, flavor),
            _ => ScalarSchemas.Scalar(field, flavor),
        };
        if (flavor == SchemaFlavor.Crd)
        {
            var rules = field.Rules.Select(CrdRules.Node).ToList();
            if (field.Immutable)
            {
                rules.Add(new JsonObject
                {
                    ["rule"] = "self == oldSelf",
                    ["message"] = $"{field.Name} is immutable: delete and recreate the object to change it",
                });
            }

            CrdRules.Add(schema, rules);
        }

        return schema;
    }

    private static JsonObject ListSchema(FieldDescriptor field, SchemaFlavor flavor, bool clusterScoped)
    {
        var items = ObjectSchema(field.Fields, "", flavor, clusterScoped);
        if (flavor == SchemaFlavor.Crd)
        {
            CrdRules.Add(items, [.. field.ItemRules.Select(CrdRules.Node)]);
        }

        var schema = new JsonObject { ["type"] = "array", ["description"] = field.Description, ["items"] = items };
        if (field.MaxItems is { } max)
        {
            schema["maxItems"] = max;
        }

        if (flavor == SchemaFlavor.Crd)
        {
            schema["x-kubernetes-list-type"] = "atomic";
        }

        return schema;
    }
}
