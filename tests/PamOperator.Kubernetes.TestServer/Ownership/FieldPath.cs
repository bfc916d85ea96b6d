using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Ownership;

/// <summary>
/// A path to one owned field, as the elements structured-merge-diff writes in FieldsV1: <c>f:name</c> (a field),
/// <c>k:{"key":"value"}</c> (an item of a <c>map</c> list, by its keys), <c>v:"value"</c> (an item of a <c>set</c>).
/// </summary>
internal sealed record FieldPath(IReadOnlyList<string> Elements)
{
    public FieldPath Append(string element) => new([.. Elements, element]);

    public bool Equals(FieldPath? other) => other is not null && Elements.SequenceEqual(other.Elements, StringComparer.Ordinal);

    public override int GetHashCode() => string.Join('\u001f', Elements).GetHashCode(StringComparison.Ordinal);

    /// <summary>The path as kube-apiserver prints it in a conflict: <c>.spec.timeLimit</c>, <c>.items[name="a"]</c>, <c>.tags[="x"]</c>.</summary>
    public override string ToString() => string.Concat(Elements.Select(e => e[0] switch
    {
        'f' => "." + e[2..],
        'k' => "[" + string.Join(",", ((JsonObject)JsonNode.Parse(e[2..])!).Select(p => $"{p.Key}={p.Value?.ToJsonString()}")) + "]",
        _ => "[=" + e[2..] + "]",
    }));

    /// <summary>The node at this path in <paramref name="root"/>, and whether it exists.</summary>
    public (bool Found, JsonNode? Value) Find(JsonNode? root)
    {
        var node = root;
        foreach (var element in Elements)
        {
            var (container, index) = Step(node, element);
            if (container is null)
            {
                return (false, null);
            }

            node = container switch
            {
                JsonObject o => o[index.Key!],
                JsonArray a => a[index.Position],
                _ => null,
            };
        }

        return (true, node);
    }

    /// <summary>Removes the field; then removes containers it leaves empty unless <paramref name="keep"/> says they are owned.</summary>
    public void Remove(JsonNode root, Func<FieldPath, bool> keep)
    {
        var trail = new List<(JsonNode Container, (string? Key, int Position) Index, FieldPath Path)>();
        var node = root;
        var path = new FieldPath([]);
        foreach (var element in Elements)
        {
            var (container, index) = Step(node, element);
            if (container is null)
            {
                return;
            }

            path = path.Append(element);
            trail.Add((container, index, path));
            node = container is JsonObject o ? o[index.Key!] : ((JsonArray)container)[index.Position];
        }

        for (var i = trail.Count - 1; i >= 0; i--)
        {
            var (container, index, at) = trail[i];
            var child = container is JsonObject o ? o[index.Key!] : ((JsonArray)container)[index.Position];
            var isEmpty = child is JsonObject { Count: 0 } || child is JsonArray { Count: 0 };
            if (i < trail.Count - 1 && (!isEmpty || keep(at)))
            {
                return;
            }

            if (container is JsonObject obj)
            {
                obj.Remove(index.Key!);
            }
            else
            {
                ((JsonArray)container).RemoveAt(index.Position);
            }
        }
    }

    private static (JsonNode? Container, (string? Key, int Position) Index) Step(JsonNode? node, string element)
    {
        switch (element[0], node)
        {
            case ('f', JsonObject o) when o.ContainsKey(element[2..]):
                return (o, (element[2..], 0));
            case ('k', JsonArray a):
                var keys = (JsonObject)JsonNode.Parse(element[2..])!;
                var at = a.Select((item, i) => (item, i)).FirstOrDefault(p => p.item is JsonObject entry && keys.All(k => JsonNode.DeepEquals(entry[k.Key], k.Value)), (null, -1)).Item2;
                return at < 0 ? (null, default) : (a, (null, at));
            case ('v', JsonArray a):
                var value = JsonNode.Parse(element[2..]);
                var found = a.Select((item, i) => (item, i)).FirstOrDefault(p => JsonNode.DeepEquals(p.item, value), (null, -1)).Item2;
                return found < 0 ? (null, default) : (a, (null, found));
            default:
                return (null, default);
        }
    }
}
