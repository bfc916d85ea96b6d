using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.Watching;

/// <summary>One watch event; <see cref="Object"/> is null for <see cref="WatchEventType.Relisted"/>, which has a <see cref="Snapshot"/>.</summary>
public sealed record WatchEvent(WatchEventType Type, JsonObject? Object, IReadOnlyList<JsonObject>? Snapshot = null);
