using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Resources;

namespace PamOperator.Kubernetes.TestServer.Ownership;

/// <summary>
/// The fields an object sets, as leaf <see cref="FieldPath"/>s, following its schema's list types (a <c>map</c> list
/// by its keys, a <c>set</c> by value, anything else atomic) and maps granular; and FieldsV1 in and out. Server-set
/// metadata, apiVersion and kind are nobody's; on a type with a status subresource the main resource's writes own
/// no status and /status writes own only status.
/// </summary>
internal static class FieldSet
{
    private static readonly HashSet<string> ServerMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink"];

    public static HashSet<FieldPath> Of(ResourceType type, JsonObject obj, string? subresource)
    {
        var set = new HashSet<FieldPath>();
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind" || (type.HasStatusSubresource && (name == "status") != (subresource == "status")))
            {
                continue;
            }

            var path = new FieldPath([$"f:{name}"]);
            if (name == "metadata" && value is JsonObject meta)
            {
                foreach (var (field, child) in meta)
                {
                    if (!ServerMetadata.Contains(field))
                    {
                        Collect(child, null, path.Append($"f:{field}"), set);
                    }
                }

                continue;
            }

            Collect(value, type.Schema is null ? null : Admission.SchemaWalker.PropertySchema(type.Schema, name), path, set);
        }

        return set;
    }

    private static void Collect(JsonNode? node, JsonObject? schema, FieldPath path, HashSet<FieldPath> set)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } obj when (schema is null || schema["x-kubernetes-map-type"]?.ToString() != "atomic"):
                foreach (var (name, child) in obj)
                {
                    Collect(child, schema is null ? null : Admission.SchemaWalker.PropertySchema(schema, name), path.Append($"f:{name}"), set);
                }

                break;
            case JsonArray array when (schema?["x-kubernetes-list-type"]?.ToString() == "map"):
                var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => k!.ToString()).ToList();
                foreach (var item in array.OfType<JsonObject>())
                {
                    var key = new JsonObject(keys.Where(item.ContainsKey).Select(k => KeyValuePair.Create(k, item[k]?.DeepClone())));
                    Collect(item, schema["items"] as JsonObject, path.Append($"k:{key.ToJsonString()}"), set);
                }

                break;
            case JsonArray array when (schema?["x-kubernetes-list-type"]?.ToString() == "set"):
                foreach (var item in array)
                {
                    set.Add(path.Append($"v:{item?.ToJsonString() ?? "null"}"));
                }

                break;
            default:
                set.Add(path);
                break;
        }
    }

    /// <summary>FieldsV1: nested objects keyed by path elements, <c>{}</c> at a leaf, <c>"."</c> on list items.</summary>
    public static JsonObject ToFieldsV1(IEnumerable<FieldPath> set)
    {
        var root = new JsonObject();
        foreach (var path in set.OrderBy(p => string.Join('\u001f', p.Elements), StringComparer.Ordinal))
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                if (node[element] is not JsonObject next)
                {
                    next = new JsonObject();
                    node[element] = next;
                }

                node = next;
            }
        }

        MarkItems(root);
        return root;
    }

    public static HashSet<FieldPath> FromFieldsV1(JsonObject? fields)
    {
        var set = new HashSet<FieldPath>();
        Read(fields ?? [], new FieldPath([]), set);
        return set;
    }

    private static void Read(JsonObject node, FieldPath path, HashSet<FieldPath> set)
    {
        var children = node.Where(p => p.Key != ".").ToList();
        if (children.Count == 0)
        {
            if (path.Elements.Count > 0)
            {
                set.Add(path);
            }

            return;
        }

        foreach (var (element, child) in children)
        {
            Read(child as JsonObject ?? [], path.Append(element), set);
        }
    }

    private static void MarkItems(JsonObject node)
    {
        foreach (var (element, child) in node.ToList())
        {
            if (child is JsonObject { Count: > 0 } nested)
            {
                MarkItems(nested);
                if (element.StartsWith("k:", StringComparison.Ordinal))
                {
                    nested["."] = new JsonObject();
                }
            }
        }
    }
}
