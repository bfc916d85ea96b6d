using Microsoft.AspNetCore.Http;
using PamOperator.Kubernetes.TestServer.Discovery;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>Logs every request, serves injected faults first, then routes: version, discovery, openapi, resources.</summary>
internal sealed class RequestRouter(ServerContext context)
{
    private readonly ResourceEndpoint _resources = new(context);

    public async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        var (body, protobufError) = ProtobufBody.IsProtobuf(http.Request.ContentType) ? ProtobufBody.Decode(bytes) : (ProtobufBody.Utf8(bytes), null);
        body ??= string.Empty;
        var path = http.Request.Path.Value ?? "/";
        lock (context.RequestLog)
        {
            context.RequestLog.Add(new RecordedRequest(http.Request.Method, path, http.Request.QueryString.Value ?? string.Empty,
                http.Request.ContentType, body) { UserAgent = http.Request.Headers.UserAgent.ToString() });
        }

        if (context.Faults.TryTake(http.Request.Method, path) is { } fault)
        {
            await ResponseWriter.WriteAsync(http, fault);
            return;
        }

        if (protobufError is not null)
        {
            await ResponseWriter.WriteAsync(http, StatusBodies.Failure(415, "UnsupportedMediaType", protobufError));
            return;
        }

        if (http.Request.Method == "GET" && Document(http, path.TrimEnd('/')) is { } document)
        {
            await ResponseWriter.WriteAsync(http, document);
            return;
        }

        if (PathParser.Parse(path) is { } resourcePath)
        {
            await _resources.HandleAsync(http, resourcePath, body);
            return;
        }

        await ResponseWriter.WriteAsync(http, StatusBodies.NoSuchPath());
    }

    private ApiResult? Document(HttpContext http, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var registry = context.Registry;
        var found = segments switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => DiscoveryDocuments.CoreVersions($"{http.Request.Host}"),
            ["apis"] => DiscoveryDocuments.GroupList(registry),
            ["api", var v] => DiscoveryDocuments.ResourceList(registry, string.Empty, v),
            ["apis", var g] => DiscoveryDocuments.Group(registry, g),
            ["apis", var g, var v] => DiscoveryDocuments.ResourceList(registry, g, v),
            ["openapi", "v3"] => OpenApiDocuments.Root(registry),
            ["openapi", "v3", "api", var v] => OpenApiDocuments.Document(registry, string.Empty, v),
            ["openapi", "v3", "apis", var g, var v] => OpenApiDocuments.Document(registry, g, v),
            _ => null,
        };
        if (found is not null)
        {
            return new ApiResult(200, found);
        }

        return segments is ["api" or "apis" or "openapi", ..] && PathParser.Parse(path) is null ? StatusBodies.NoSuchPath() : null;
    }
}
