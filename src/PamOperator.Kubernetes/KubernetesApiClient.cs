using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PamOperator.Kubernetes.Watching;

namespace PamOperator.Kubernetes;

/// <summary>
/// <see cref="IKubernetesApi"/> on the official client (KubernetesClient): its configuration (kubeconfig with exec and
/// auth-provider plugins, in-cluster service account with token refresh), its transport and generic custom-object
/// operations (the core group goes through the same calls: the client maps <c>apis//v1</c> to <c>api/v1</c>).
/// What this adds: a per-request timeout on every call but watches (<see cref="KubernetesApiOptions.RequestTimeout"/>),
/// a client-side QPS limit and REST-client observations (<see cref="RestClientHandler"/>), the list-then-watch loop
/// with resume and relist (<see cref="WatchLoop"/>), and error mapping: the client's
/// <see cref="HttpOperationException"/> carries the request body (a Secret, say), so it is turned into a
/// <see cref="KubernetesStatusException"/> holding the method, path and the server's Status message only, never
/// chained as an inner exception.
/// </summary>
public sealed class KubernetesApiClient : IKubernetesApi, IDisposable
{
    private readonly k8s.Kubernetes _client;

    /// <param name="config">The official client's configuration (<see cref="Config.KubernetesConfig"/> builds it).</param>
    /// <param name="options">Timeouts, QPS limit, clock and observer; defaults when null.</param>
    public KubernetesApiClient(KubernetesClientConfiguration config, KubernetesApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Options = options ?? new KubernetesApiOptions();
        config.HttpClientTimeout = Options.RequestTimeout;
        DefaultNamespace = string.IsNullOrEmpty(config.Namespace) ? "default" : config.Namespace;
        Host = new Uri(config.Host).Authority;
        _client = new k8s.Kubernetes(config, new RestClientHandler(Options, Host));
    }

    /// <summary>A client for a server without credentials (tests, a local proxy).</summary>
    public static KubernetesApiClient ForServer(Uri server, string? token = null, KubernetesApiOptions? options = null) =>
        new(new KubernetesClientConfiguration { Host = server.ToString(), AccessToken = token }, options);

    public string DefaultNamespace { get; }

    /// <summary>The official client, for what it does whole (leader election on a Lease).</summary>
    public IKubernetes Kubernetes => _client;

    public KubernetesApiOptions Options { get; }

    internal string Host { get; }

    internal TimeProvider TimeProvider => Options.TimeProvider;

    public Task<JsonObject> GetAsync(ResourceRef resource, string? ns, string name, CancellationToken cancellationToken = default) =>
        CallAsync("GET", resource.ObjectPath(Ns(resource, ns), name), c => resource.Namespaced
            ? c.GetNamespacedCustomObjectWithHttpMessagesAsync<JsonObject>(resource.Group, resource.Version, Ns(resource, ns)!, resource.Plural, name, cancellationToken: cancellationToken)
            : c.GetClusterCustomObjectWithHttpMessagesAsync<JsonObject>(resource.Group, resource.Version, resource.Plural, name, cancellationToken: cancellationToken));

    public async Task<ObjectList> ListAsync(ResourceRef resource, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        var items = new List<JsonObject>();
        string? resourceVersion = null;
        string? continueToken = null;
        do
        {
            var page = await ListPageAsync(resource, ns, options, continueToken, cancellationToken);
            resourceVersion ??= page["metadata"]?["resourceVersion"]?.ToString() ?? string.Empty;
            continueToken = page["metadata"]?["continue"]?.ToString();
            items.AddRange((page["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new ObjectList(items, resourceVersion);
    }

    public Task<JsonObject> CreateAsync(ResourceRef resource, string? ns, JsonObject obj, CancellationToken cancellationToken = default)
    {
        var target = Ns(resource, obj.Namespace() ?? ns);
        return CallAsync("POST", resource.CollectionPath(target), c => resource.Namespaced
            ? c.CreateNamespacedCustomObjectWithHttpMessagesAsync<JsonObject>(obj, resource.Group, resource.Version, target!, resource.Plural, cancellationToken: cancellationToken)
            : c.CreateClusterCustomObjectWithHttpMessagesAsync<JsonObject>(obj, resource.Group, resource.Version, resource.Plural, cancellationToken: cancellationToken));
    }

    public Task<JsonObject> ReplaceAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken = default)
    {
        var (ns, name) = Identity(resource, obj);
        return CallAsync("PUT", resource.ObjectPath(ns, name), c => resource.Namespaced
            ? c.ReplaceNamespacedCustomObjectWithHttpMessagesAsync<JsonObject>(obj, resource.Group, resource.Version, ns!, resource.Plural, name, cancellationToken: cancellationToken)
            : c.ReplaceClusterCustomObjectWithHttpMessagesAsync<JsonObject>(obj, resource.Group, resource.Version, resource.Plural, name, cancellationToken: cancellationToken));
    }

    public Task<JsonObject> PatchAsync(ResourceRef resource, string? ns, string name, PatchType type, JsonNode patch, CancellationToken cancellationToken = default)
    {
        var target = Ns(resource, ns);
        var body = Patch(type, patch);
        return CallAsync("PATCH", resource.ObjectPath(target, name), c => resource.Namespaced
            ? c.PatchNamespacedCustomObjectWithHttpMessagesAsync<JsonObject>(body, resource.Group, resource.Version, target!, resource.Plural, name, cancellationToken: cancellationToken)
            : c.PatchClusterCustomObjectWithHttpMessagesAsync<JsonObject>(body, resource.Group, resource.Version, resource.Plural, name, cancellationToken: cancellationToken));
    }

    public Task<JsonObject> ReplaceStatusAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken = default)
    {
        var (ns, name) = Identity(resource, obj);
        return CallAsync("PUT", resource.ObjectPath(ns, name) + "/status", c => resource.Namespaced
            ? c.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync<JsonObject>(obj, resource.Group, resource.Version, ns!, resource.Plural, name, cancellationToken: cancellationToken)
            : c.ReplaceClusterCustomObjectStatusWithHttpMessagesAsync<JsonObject>(obj, resource.Group, resource.Version, resource.Plural, name, cancellationToken: cancellationToken));
    }

    public Task<JsonObject> PatchStatusAsync(ResourceRef resource, string? ns, string name, PatchType type, JsonNode patch, CancellationToken cancellationToken = default)
    {
        var target = Ns(resource, ns);
        var body = Patch(type, patch);
        return CallAsync("PATCH", resource.ObjectPath(target, name) + "/status", c => resource.Namespaced
            ? c.PatchNamespacedCustomObjectStatusWithHttpMessagesAsync<JsonObject>(body, resource.Group, resource.Version, target!, resource.Plural, name, cancellationToken: cancellationToken)
            : c.PatchClusterCustomObjectStatusWithHttpMessagesAsync<JsonObject>(body, resource.Group, resource.Version, resource.Plural, name, cancellationToken: cancellationToken));
    }

    public async Task<JsonObject?> DeleteAsync(ResourceRef resource, string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var target = Ns(resource, ns);
        var body = new V1DeleteOptions
        {
            PropagationPolicy = options?.PropagationPolicy,
            Preconditions = options?.PreconditionResourceVersion is null && options?.PreconditionUid is null
                ? null
                : new V1Preconditions { ResourceVersion = options.PreconditionResourceVersion, Uid = options.PreconditionUid },
        };
        var result = await CallAsync("DELETE", resource.ObjectPath(target, name), c => resource.Namespaced
            ? c.DeleteNamespacedCustomObjectWithHttpMessagesAsync<JsonObject>(resource.Group, resource.Version, target!, resource.Plural, name, body, cancellationToken: cancellationToken)
            : c.DeleteClusterCustomObjectWithHttpMessagesAsync<JsonObject>(resource.Group, resource.Version, resource.Plural, name, body, cancellationToken: cancellationToken));
        return result["kind"]?.ToString() == "Status" ? null : result;
    }

    public IAsyncEnumerable<WatchEvent> WatchAsync(ResourceRef resource, string? ns, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        new WatchLoop(this, resource, ns, options ?? new WatchOptions()).RunAsync(cancellationToken);

    public k8s.LeaderElection.ILock LeaseLock(string ns, string name, string identity) =>
        new k8s.LeaderElection.ResourceLock.LeaseLock(_client, ns, name, identity);

    public void Dispose() => _client.Dispose();

    /// <summary>One watch request from <paramref name="resourceVersion"/> through the official client's watcher (lazy:
    /// the request is sent on the first MoveNext, where an HTTP failure surfaces as <see cref="HttpOperationException"/>).
    /// Server-side ERROR events arrive as <see cref="KubernetesException"/> through <paramref name="onError"/>.</summary>
    internal IAsyncEnumerable<(k8s.WatchEventType Type, object Object)> Watch(
        ResourceRef resource, string? ns, string resourceVersion, WatchOptions options, Action<Exception> onError, CancellationToken cancellationToken) =>
        resource.Namespaced && ns is not null
            ? _client.CustomObjects.WatchListNamespacedCustomObjectAsync(resource.Group, resource.Version, ns, resource.Plural,
                allowWatchBookmarks: options.AllowBookmarks, fieldSelector: options.FieldSelector, labelSelector: options.LabelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: options.TimeoutSeconds, onError: onError, cancellationToken: cancellationToken)
            : _client.CustomObjects.WatchListClusterCustomObjectAsync(resource.Group, resource.Version, resource.Plural,
                allowWatchBookmarks: options.AllowBookmarks, fieldSelector: options.FieldSelector, labelSelector: options.LabelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: options.TimeoutSeconds, onError: onError, cancellationToken: cancellationToken);

    /// <summary>Runs a call of the official client and maps its failures (see the class summary).</summary>
    private async Task<T> CallAsync<T>(string method, string path, Func<ICustomObjectsOperations, Task<HttpOperationResponse<T>>> call)
    {
        try
        {
            using var response = await call(_client.CustomObjects);
            return response.Body;
        }
        catch (HttpOperationException e)
        {
            throw KubernetesErrors.From(e, method, path);
        }
        catch (KubernetesException e)
        {
            throw KubernetesErrors.From(e, method, path);
        }
    }

    private async Task<JsonObject> ListPageAsync(ResourceRef resource, string? ns, ListOptions options, string? continueToken, CancellationToken cancellationToken)
    {
        var target = resource.Namespaced ? ns : null;
        int? limit = options.PageSize > 0 ? options.PageSize : null;
        return await CallAsync("GET", resource.CollectionPath(target), c => target is not null
            ? c.ListNamespacedCustomObjectWithHttpMessagesAsync<JsonObject>(resource.Group, resource.Version, target, resource.Plural,
                continueParameter: continueToken, fieldSelector: options.FieldSelector, labelSelector: options.LabelSelector, limit: limit,
                cancellationToken: cancellationToken)
            : c.ListClusterCustomObjectWithHttpMessagesAsync<JsonObject>(resource.Group, resource.Version, resource.Plural,
                continueParameter: continueToken, fieldSelector: options.FieldSelector, labelSelector: options.LabelSelector, limit: limit,
                cancellationToken: cancellationToken));
    }

    private (string? Ns, string Name) Identity(ResourceRef resource, JsonObject obj) =>
        (resource.Namespaced ? obj.Namespace() ?? DefaultNamespace : null,
            obj.Name() ?? throw new ArgumentException("the object has no metadata.name", nameof(obj)));

    private string? Ns(ResourceRef resource, string? ns) => resource.Namespaced ? ns ?? DefaultNamespace : null;

    private static V1Patch Patch(PatchType type, JsonNode patch) =>
        new(patch.ToJsonString(), type == PatchType.JsonPatch ? V1Patch.PatchType.JsonPatch : V1Patch.PatchType.MergePatch);
}
