using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Kubernetes.TestServer.Resources;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>Dispatches a resource request (get, list, watch, create, replace, patch, delete) under the store's lock.</summary>
internal sealed class ResourceEndpoint
{
    private readonly ServerContext _context;
    private readonly ObjectWriter _writer;
    private readonly ObjectRemover _remover;
    private readonly PatchApplier _patcher;
    private readonly WatchEndpoint _watch;

    public ResourceEndpoint(ServerContext context)
    {
        _context = context;
        _remover = new ObjectRemover(context);
        _writer = new ObjectWriter(context, _remover);
        _patcher = new PatchApplier(_writer, context);
        _watch = new WatchEndpoint(context);
    }

    public async Task HandleAsync(HttpContext http, ResourcePath path, string body)
    {
        var type = _context.Registry.Find(path.Group, path.Version, path.Plural);
        if (type is null || (!type.Namespaced && path.Namespace is not null) || (path.Subresource is not null
            && !(path.Subresource == "status" && (type.HasStatusSubresource || type == BuiltInResources.Namespaces))))
        {
            await ResponseWriter.WriteAsync(http, StatusBodies.NoSuchPath());
            return;
        }

        var query = http.Request.Query;
        var method = http.Request.Method;
        var asTable = http.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);
        if (method == "GET" && path.Name is null && query["watch"].ToString() is "true" or "1")
        {
            await _watch.StreamAsync(http, type, path.Namespace, query, asTable);
            return;
        }

        ApiResult result;
        lock (_context.Store.Gate)
        {
            result = Dispatch(http, type, path, body, asTable);
        }

        if (result.Body is JsonObject obj && obj["kind"]?.ToString() == type.Kind)
        {
            ListReader.WithType(type, obj);
        }

        await ResponseWriter.WriteAsync(http, result);
    }

    private ApiResult Dispatch(HttpContext http, ResourceType type, ResourcePath path, string body, bool asTable)
    {
        var query = http.Request.Query;
        var dryRun = query["dryRun"] == "All";
        var key = new ObjectKey(type.StorageKey, type.Namespaced ? path.Namespace ?? "default" : string.Empty, path.Name ?? string.Empty);
        var statusOnly = path.Subresource == "status";
        var manager = Manager(http);
        switch (http.Request.Method, path.Name)
        {
            case ("GET", null):
                return ListReader.List(_context, type, path.Namespace, query, asTable);
            case ("GET", _):
                return _context.Store.Get(key) is { } found
                    ? new ApiResult(200, asTable ? TableRenderer.Render(type, [found], Rv(), _context.Time.GetUtcNow()) : found)
                    : StatusBodies.NotFound(type, key.Name);
            case ("POST", null) when !statusOnly:
                return Parse(body, out var created) ?? _writer.Create(type, path.Namespace, created, dryRun, query["fieldValidation"], manager);
            case ("PUT", not null):
                return Parse(body, out var replaced) ?? (replaced is JsonObject replacement
                    ? _writer.Update(type, key, replacement, statusOnly, dryRun, isPatch: false, query["fieldValidation"], manager)
                    : StatusBodies.BadRequest("the body of the request was in an unknown format"));
            case ("PATCH", not null):
                var options = new PatchOptions(query["fieldManager"], query.ContainsKey("force") ? query["force"].ToString() : null, dryRun, statusOnly)
                {
                    FieldValidation = query["fieldValidation"],
                    Manager = manager,
                };
                return _patcher.Patch(type, key, http.Request.ContentType, body, options);
            case ("DELETE", not null) when !statusOnly:
                return Parse(body.Length == 0 ? "{}" : body, out var deleteOptions) ?? _remover.Delete(type, key, deleteOptions as JsonObject, dryRun);
            case ("DELETE", null):
                return DeleteCollection(type, path.Namespace, query, dryRun);
            default:
                return StatusBodies.Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        }
    }

    private ApiResult DeleteCollection(ResourceType type, string? ns, IQueryCollection query, bool dryRun)
    {
        var filter = ObjectFilter.Parse(query["labelSelector"], query["fieldSelector"]);
        foreach (var (key, _) in _context.Store.List(type.StorageKey, ns).Where(p => filter.Matches(p.Object)))
        {
            _remover.Delete(type, key, null, dryRun);
        }

        return ListReader.List(_context, type, ns, query, asTable: false);
    }

    /// <summary>The fieldManager parameter, else the User-Agent up to its first '/', as kube-apiserver defaults it.</summary>
    private static string Manager(HttpContext http) =>
        http.Request.Query["fieldManager"].ToString() is { Length: > 0 } named
            ? named
            : http.Request.Headers.UserAgent.ToString().Split('/')[0];

    private string Rv() => _context.Store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture);

    private static ApiResult? Parse(string body, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(body);
            return null;
        }
        catch (JsonException e)
        {
            node = null;
            return StatusBodies.BadRequest($"the body of the request could not be decoded: {e.Message}");
        }
    }
}
