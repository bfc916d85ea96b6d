using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>
/// Translates (part of) a spec in manifest vocabulary into a Fudo request body: nested protocol members become flat
/// attributes, reference names become ids through <c>idOf</c> (a real id, or a batch substitution such as
/// <c>{create-safe-1.safe.id}</c>), secret reference objects are replaced by the resolved values in
/// <c>secrets</c> (keyed by field name), explicit nulls are sent as null (Fudo's way to clear an
/// attribute), and fields without a wire name are left to the caller. Only members present in
/// the spec are mapped, so a partial spec gives a PATCH body.
/// </summary>
internal static class SpecToWire
{
    public static JsonObject Map(
        KindDescriptor kind,
        JsonObject spec,
        Func<string, string, string> idOf,
        IReadOnlyDictionary<string, string> secrets)
    {
        var wire = new JsonObject();
        MapFields(kind.Fields, spec, idOf, secrets, wire);
        return wire;
    }

    private static void MapFields(
        IReadOnlyList<FieldDescriptor> fields,
        JsonObject spec,
        Func<string, string, string> idOf,
        IReadOnlyDictionary<string, string> secrets,
        JsonObject wire)
    {
        foreach (var field in fields)
        {
            if (!spec.TryGetPropertyValue(field.Name, out var value))
            {
                continue;
            }

            if (field.Type == FieldType.Object)
            {
                if (value is JsonObject nested)
                {
                    MapFields(field.Fields, nested, idOf, secrets, wire);
                }

                continue;
            }

            if (field.WireName is not { } wireName || field.Type == FieldType.ObjectList)
            {
                continue;
            }

            if (field.Type == FieldType.Secret)
            {
                // Only a resolved value is ever sent; the reference object itself never reaches the PAM.
                if (secrets.TryGetValue(field.Name, out var secret))
                {
                    wire[wireName] = secret;
                }

                continue;
            }

            wire[wireName] = field.Type switch
            {
                _ when value is null => null,
                FieldType.Reference when field.References is { } type => JsonValue.Create(idOf(type, value.ToString())),
                _ => value.DeepClone(),
            };
        }
    }
}
