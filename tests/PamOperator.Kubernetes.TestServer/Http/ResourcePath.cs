namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>A parsed resource URL: <c>/api/v1/…</c> or <c>/apis/{g}/{v}/[namespaces/{ns}/]{plural}[/{name}[/{sub}]]</c>.</summary>
internal sealed record ResourcePath(string Group, string Version, string Plural, string? Namespace, string? Name, string? Subresource);
