using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Resources;

/// <summary>Label selector plus field selector (<c>metadata.name</c>, <c>metadata.namespace</c>, with = == !=).</summary>
internal sealed class ObjectFilter(LabelSelector labels, IReadOnlyList<(string Field, string Value, bool Negate)> fields)
{
    public static ObjectFilter Parse(string? labelSelector, string? fieldSelector)
    {
        var fields = new List<(string, string, bool)>();
        foreach (var part in (fieldSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = part.Contains("!=", StringComparison.Ordinal);
            var pieces = part.Split(negate ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            fields.Add((pieces[0].Trim(), pieces.Length > 1 ? pieces[1].Trim() : string.Empty, negate));
        }

        return new ObjectFilter(LabelSelector.Parse(labelSelector), fields);
    }

    public bool Matches(JsonObject obj) =>
        labels.Matches(Meta.Labels(obj)) && fields.All(f => (Field(obj, f.Field) == f.Value) != f.Negate);

    private static string? Field(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }

        return node?.ToString();
    }
}
