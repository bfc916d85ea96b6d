using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Kubernetes.Config;
using PamOperator.Kubernetes.Watching;

namespace PamOperator.Kubernetes;

/// <summary>
/// <see cref="IKubernetesApi"/> over HttpClient and System.Text.Json. The bearer token goes in the Authorization
/// header only; exceptions carry the method, path and the server's Status message, never headers or bodies.
/// </summary>
public sealed class KubernetesApiClient : IKubernetesApi, IDisposable
{
    private readonly KubernetesClientConfiguration _config;
    private readonly HttpClient _http;

    /// <param name="config">Server, credentials and TLS settings.</param>
    /// <param name="timeProvider">Clock for watch backoff delays; default the system clock.</param>
    /// <param name="handler">Optional transport (tests); by default one is built from the configuration's TLS settings.</param>
    public KubernetesApiClient(KubernetesClientConfiguration config, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        _config = config;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _http = new HttpClient(handler ?? HttpHandlerFactory.Create(config)) { BaseAddress = config.Server, Timeout = Timeout.InfiniteTimeSpan };
    }

    public string DefaultNamespace => _config.Namespace;

    internal TimeProvider TimeProvider { get; }

    public async Task<JsonObject> GetAsync(ResourceRef resource, string? ns, string name, CancellationToken cancellationToken = default) =>
        Object(await SendAsync(HttpMethod.Get, resource.ObjectPath(Ns(resource, ns), name), null, null, cancellationToken));

    public async Task<ObjectList> ListAsync(ResourceRef resource, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        var items = new List<JsonObject>();
        string? resourceVersion = null;
        string? continueToken = null;
        do
        {
            var query = Query(("labelSelector", options.LabelSelector), ("fieldSelector", options.FieldSelector),
                ("limit", options.PageSize > 0 ? options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                ("continue", continueToken));
            var page = Object(await SendAsync(HttpMethod.Get, resource.CollectionPath(ns) + query, null, null, cancellationToken));
            resourceVersion ??= page["metadata"]?["resourceVersion"]?.ToString() ?? string.Empty;
            continueToken = page["metadata"]?["continue"]?.ToString();
            items.AddRange((page["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new ObjectList(items, resourceVersion);
    }

    public async Task<JsonObject> CreateAsync(ResourceRef resource, string? ns, JsonObject obj, CancellationToken cancellationToken = default) =>
        Object(await SendAsync(HttpMethod.Post, resource.CollectionPath(Ns(resource, obj.Namespace() ?? ns)), Json(obj), "application/json", cancellationToken));

    public async Task<JsonObject> ReplaceAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken = default) =>
        Object(await SendAsync(HttpMethod.Put, PathOf(resource, obj), Json(obj), "application/json", cancellationToken));

    public async Task<JsonObject> PatchAsync(ResourceRef resource, string? ns, string name, PatchType type, JsonNode patch, CancellationToken cancellationToken = default) =>
        Object(await SendAsync(HttpMethod.Patch, resource.ObjectPath(Ns(resource, ns), name), Json(patch), MediaType(type), cancellationToken));

    public async Task<JsonObject> ReplaceStatusAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken = default) =>
        Object(await SendAsync(HttpMethod.Put, PathOf(resource, obj) + "/status", Json(obj), "application/json", cancellationToken));

    public async Task<JsonObject> PatchStatusAsync(ResourceRef resource, string? ns, string name, PatchType type, JsonNode patch, CancellationToken cancellationToken = default) =>
        Object(await SendAsync(HttpMethod.Patch, resource.ObjectPath(Ns(resource, ns), name) + "/status", Json(patch), MediaType(type), cancellationToken));

    public async Task<JsonObject?> DeleteAsync(ResourceRef resource, string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options?.PropagationPolicy is { } policy)
        {
            body["propagationPolicy"] = policy;
        }

        if (options?.PreconditionResourceVersion is not null || options?.PreconditionUid is not null)
        {
            body["preconditions"] = new JsonObject { ["resourceVersion"] = options.PreconditionResourceVersion, ["uid"] = options.PreconditionUid };
        }

        var result = Object(await SendAsync(HttpMethod.Delete, resource.ObjectPath(Ns(resource, ns), name), Json(body), "application/json", cancellationToken));
        return result["kind"]?.ToString() == "Status" ? null : result;
    }

    public IAsyncEnumerable<WatchEvent> WatchAsync(ResourceRef resource, string? ns, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        new WatchLoop(this, resource, ns, options ?? new WatchOptions()).RunAsync(cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <summary>Sends a request and returns the response once its headers arrived; the caller disposes it.</summary>
    internal async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string pathAndQuery, string? body, string? contentType,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var token = _config.TokenFile is { } file ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : _config.AccessToken;
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        return await _http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>Throws the typed Status error for a failed response (disposing it).</summary>
    internal static async Task<KubernetesStatusException> ErrorAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? body = null;
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not a Status body (a proxy's HTML page, say): the HTTP status alone classifies it.
            }

            var retryAfter = response.Headers.RetryAfter?.Delta;
            return KubernetesStatusException.FromStatus((int)response.StatusCode, body, method.Method, path.Split('?')[0], retryAfter);
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(method, path, body, contentType, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, method, path, cancellationToken);
        }

        using (response)
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static string PathOf(ResourceRef resource, JsonObject obj) =>
        resource.ObjectPath(resource.Namespaced ? obj.Namespace() ?? "default" : null,
            obj.Name() ?? throw new ArgumentException("the object has no metadata.name", nameof(obj)));

    private string? Ns(ResourceRef resource, string? ns) => resource.Namespaced ? ns ?? _config.Namespace : null;

    private static JsonObject Object(JsonNode? node) => node as JsonObject ?? throw new InvalidDataException("the server answered with a non-object JSON body");

    private static string Json(JsonNode node) => node.ToJsonString();

    private static string MediaType(PatchType type) => type == PatchType.JsonPatch ? "application/json-patch+json" : "application/merge-patch+json";

    internal static string Query(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
