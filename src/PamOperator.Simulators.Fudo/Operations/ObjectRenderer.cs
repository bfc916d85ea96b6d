using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>Renders stored objects as the API returns them, applying <see cref="FieldSelection"/>. Never emits secrets.</summary>
internal sealed class ObjectRenderer(DerivationContext context)
{
    public JsonObject Render(ModelSchema schema, StoredObject o, FieldSelection selection)
    {
        var result = new JsonObject { ["id"] = o.IdText };
        if (selection.Given)
        {
            foreach (var spec in schema.Attributes.Where(a => a.Name != "id" && selection.Names.Contains(a.Name)))
            {
                result[spec.Name] = Value(spec, o);
            }

            return result;
        }

        foreach (var spec in schema.Attributes.Where(a => a.Name != "id" && a.InDefaultOutput(context.Compatibility)))
        {
            var value = Value(spec, o);
            if (value is not null && value is not JsonArray { Count: 0 })
            {
                result[spec.Name] = value;
            }
        }

        return result;
    }

    /// <summary>The attribute's current value: stored, or computed for derived ones. Protected attributes are always null.</summary>
    public JsonNode? Value(AttributeSpec spec, StoredObject o) => spec switch
    {
        { Protected: true } => null,
        { Name: "id" } => JsonValue.Create(o.IdText),
        { Name: "removed" } => JsonValue.Create(o.Removed),
        { Source: AttrSource.Derived } => spec.Derive!(context, o),
        _ => o.Data[spec.Name]?.DeepClone(),
    };
}
