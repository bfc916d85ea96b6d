namespace PamOperator.Kubernetes.TestServer;

/// <summary>One request the server received, as logged (method, path, query, content type, body text).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body)
{
    /// <summary>The User-Agent header (tells the operator's requests from a test's own).</summary>
    public string UserAgent { get; init; } = string.Empty;
}
