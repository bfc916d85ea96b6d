using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Storage;

/// <summary>
/// One change in the event log: ADDED, MODIFIED or DELETED at <paramref name="ResourceVersion"/>.
/// <paramref name="Previous"/> is the object before the change (for label-selector transitions), if any.
/// </summary>
internal sealed record StoredEvent(long ResourceVersion, string StorageKey, string Type, JsonObject Object, JsonObject? Previous);
