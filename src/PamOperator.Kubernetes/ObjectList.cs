using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes;

/// <summary>The items of a (possibly paged) list and the resourceVersion to watch from.</summary>
public sealed record ObjectList(IReadOnlyList<JsonObject> Items, string ResourceVersion);
