namespace PamOperator.Kubernetes.TestServer.Storage;

/// <summary>Identifies a stored object: storage key (group/plural), namespace ("" when cluster-scoped), name.</summary>
internal readonly record struct ObjectKey(string StorageKey, string Namespace, string Name);
