namespace PamOperator.Kubernetes.TestServer;

/// <summary>One request the server received, as logged (method, path, query, content type, body text).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, string Body);
