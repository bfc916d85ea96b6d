using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes;

/// <summary>Read helpers for the metadata of objects handled as <see cref="JsonObject"/>.</summary>
public static class KubernetesObjects
{
    public static string? Name(this JsonObject obj) => Str(obj, "name");

    public static string? Namespace(this JsonObject obj) => Str(obj, "namespace");

    public static string? ResourceVersion(this JsonObject obj) => Str(obj, "resourceVersion");

    public static string? DeletionTimestamp(this JsonObject obj) => Str(obj, "deletionTimestamp");

    public static long Generation(this JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue v
            && long.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : 0;

    public static IReadOnlyList<string> Finalizers(this JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? a.Select(n => n?.ToString() ?? string.Empty).ToList() : [];

    /// <summary>A minimal object: apiVersion, kind, metadata.name and metadata.namespace (when given).</summary>
    public static JsonObject New(ResourceRef resource, string kind, string? ns, string name) => new()
    {
        ["apiVersion"] = resource.ApiVersion,
        ["kind"] = kind,
        ["metadata"] = ns is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["namespace"] = ns },
    };

    private static string? Str(JsonObject obj, string field) =>
        obj["metadata"]?[field] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
