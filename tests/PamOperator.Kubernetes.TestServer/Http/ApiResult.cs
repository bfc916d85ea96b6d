using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>A response to write: status code, JSON body, optional extra headers (Retry-After, Warning).</summary>
internal sealed record ApiResult(int StatusCode, JsonNode Body, string ContentType = "application/json")
{
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Warnings sent as <c>Warning: 299 - "text"</c> headers (kubectl prints them as <c>Warning: text</c>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
