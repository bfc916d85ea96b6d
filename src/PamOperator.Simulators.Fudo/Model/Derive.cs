using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Building blocks for derived attributes.</summary>
internal static class Derive
{
    /// <summary>The name of the object of <paramref name="type"/> whose id is in <paramref name="idAttribute"/>.</summary>
    public static Func<DerivationContext, StoredObject, JsonNode?> NameOf(string type, string idAttribute) =>
        AttributeOf(type, idAttribute, "name");

    /// <summary>An attribute of the object of <paramref name="type"/> whose id is in <paramref name="idAttribute"/>.</summary>
    public static Func<DerivationContext, StoredObject, JsonNode?> AttributeOf(string type, string idAttribute, string attribute) =>
        (c, o) => c.Lookup.Get(type, o.Text(idAttribute))?.Data[attribute]?.DeepClone();

    public static Func<DerivationContext, StoredObject, JsonNode?> Constant(object value) =>
        (_, _) => JsonValue.Create(value);

    /// <summary>Distinct objects of <paramref name="targetType"/> linked through assignment rows of
    /// <paramref name="linkType"/> (matched on key <paramref name="ownKey"/>, target id in <paramref name="targetAttribute"/>).</summary>
    public static IReadOnlyList<StoredObject> Linked(
        DerivationContext c, StoredObject o, string linkType, int ownKey, string targetType, string targetAttribute)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<StoredObject>();
        foreach (var link in c.Lookup.ByKey(linkType, ownKey, o.IdText))
        {
            var targetId = link.Text(targetAttribute);
            if (targetId is not null && seen.Add(targetId) && c.Lookup.Get(targetType, targetId) is { } target)
            {
                result.Add(target);
            }
        }

        return result;
    }

    /// <summary>A JSON array built from <paramref name="items"/>.</summary>
    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map) => new(items.Select(map).ToArray());

    /// <summary><c>{"id","name",...}</c> with the given stored attributes copied.</summary>
    public static JsonObject Summary(StoredObject o, params string[] attributes)
    {
        var summary = new JsonObject { ["id"] = o.IdText };
        foreach (var attribute in attributes)
        {
            summary[attribute] = o.Data[attribute]?.DeepClone();
        }

        return summary;
    }
}
