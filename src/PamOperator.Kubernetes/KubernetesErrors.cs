using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace PamOperator.Kubernetes;

/// <summary>
/// Maps the official client's exceptions to <see cref="KubernetesStatusException"/>. <see cref="HttpOperationException"/>
/// holds the request (with its body: a Secret's data, a token review) and the whole response; only the status code,
/// the Status reason and message and Retry-After are kept, and the original is never chained, so nothing that logs the
/// mapped exception (or its inner exceptions) can print a body.
/// </summary>
public static class KubernetesErrors
{
    public static KubernetesStatusException From(HttpOperationException e, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(e);
        var code = (int)(e.Response?.StatusCode ?? 0);
        JsonNode? status = null;
        try
        {
            status = e.Response?.Content is { Length: > 0 } content ? JsonNode.Parse(content) : null;
        }
        catch (JsonException)
        {
            // Not a Status body (a proxy's HTML page): the HTTP status alone classifies it.
        }

        TimeSpan? retryAfter = null;
        if (e.Response?.Headers is { } headers && headers.TryGetValue("Retry-After", out var values)
            && RetryConditionHeaderValue.TryParse(values.FirstOrDefault(), out var parsed))
        {
            retryAfter = parsed.Delta;
        }
        return KubernetesStatusException.FromStatus(code, status as JsonObject, method, Strip(path), retryAfter);
    }

    /// <summary>A Status the server sent inside a watch stream (ERROR event).</summary>
    public static KubernetesStatusException From(KubernetesException e, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(e);
        var status = e.Status;
        var body = status is null ? null : new JsonObject { ["reason"] = status.Reason, ["message"] = status.Message };
        return KubernetesStatusException.FromStatus(status?.Code ?? 500, body, method, Strip(path), null);
    }

    private static string Strip(string path) => path.Split('?')[0];
}
