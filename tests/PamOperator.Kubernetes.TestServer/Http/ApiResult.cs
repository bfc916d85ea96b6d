using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>A response to write: status code, JSON body, optional extra header (Retry-After).</summary>
internal sealed record ApiResult(int StatusCode, JsonNode Body, string ContentType = "application/json")
{
    public int? RetryAfterSeconds { get; init; }
}
