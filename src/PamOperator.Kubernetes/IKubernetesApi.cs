using System.Text.Json.Nodes;
using PamOperator.Kubernetes.Watching;

namespace PamOperator.Kubernetes;

/// <summary>
/// The small Kubernetes API the operator needs, over <see cref="JsonObject"/>. Every failure the server reports is a
/// <see cref="KubernetesStatusException"/> (classify with IsNotFound, IsConflict, IsGone, Kind); transport failures are
/// <see cref="HttpRequestException"/>. Only <see cref="WatchAsync"/> retries by itself. <c>ns</c> is ignored for
/// cluster-scoped resources; null on a namespaced list or watch means all namespaces.
/// </summary>
public interface IKubernetesApi
{
    /// <summary>The configured default namespace (the context's or the service account's).</summary>
    string DefaultNamespace { get; }

    Task<JsonObject> GetAsync(ResourceRef resource, string? ns, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists all pages (following continue tokens); the resourceVersion is the first page's, to watch from.</summary>
    Task<ObjectList> ListAsync(ResourceRef resource, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the object in its metadata.namespace (or <paramref name="ns"/>); AlreadyExists when the name is taken.</summary>
    Task<JsonObject> CreateAsync(ResourceRef resource, string? ns, JsonObject obj, CancellationToken cancellationToken = default);

    /// <summary>PUT of the whole object; metadata.resourceVersion is the precondition (409 when stale). Status is ignored where it is a subresource.</summary>
    Task<JsonObject> ReplaceAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken = default);

    Task<JsonObject> PatchAsync(ResourceRef resource, string? ns, string name, PatchType type, JsonNode patch, CancellationToken cancellationToken = default);

    /// <summary>PUT to /status: only .status changes (metadata, including finalizers, is ignored by the server).</summary>
    Task<JsonObject> ReplaceStatusAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken = default);

    Task<JsonObject> PatchStatusAsync(ResourceRef resource, string? ns, string name, PatchType type, JsonNode patch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes; returns the object when it still exists (finalizers pending: deletionTimestamp is set) or as it was
    /// removed, or null when the server answered with a Status. NotFound is thrown, not swallowed.
    /// </summary>
    Task<JsonObject?> DeleteAsync(ResourceRef resource, string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches until cancelled: resumes from the last seen resourceVersion when a stream ends or breaks, relists on
    /// 410 (HTTP 410 or a 200 stream carrying an ERROR event with code 410) and reports it as
    /// <see cref="WatchEventType.Relisted"/>, and backs off (bounded, exponential) on errors. Never ends by itself.
    /// </summary>
    /// <summary>The official client's coordination.k8s.io/v1 Lease lock for its <c>LeaderElector</c>.</summary>
    k8s.LeaderElection.ILock LeaseLock(string ns, string name, string identity);

    IAsyncEnumerable<WatchEvent> WatchAsync(ResourceRef resource, string? ns, WatchOptions? options = null, CancellationToken cancellationToken = default);
}
