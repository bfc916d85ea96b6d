namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>
/// Parses resource paths. <c>/api/v1/namespaces/{x}</c> is a Namespace, <c>/api/v1/namespaces/{x}/status</c> its
/// status, and <c>/api/v1/namespaces/{ns}/{plural}…</c> a namespaced resource.
/// </summary>
internal static class PathParser
{
    /// <summary>Returns null when the path is not a resource path (discovery and other endpoints are routed first).</summary>
    public static ResourcePath? Parse(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string group;
        string version;
        ArraySegment<string> rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = (string.Empty, segments[1], segments[2..]);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        string? ns = null;
        var isNamespaceItself = rest.Count <= 2 || (rest.Count == 3 && rest[2] is "status" or "finalize");
        if (rest[0] == "namespaces" && !isNamespaceItself)
        {
            ns = rest[1];
            rest = rest[2..];
        }

        return rest.Count switch
        {
            1 => new ResourcePath(group, version, rest[0], ns, null, null),
            2 => new ResourcePath(group, version, rest[0], ns, rest[1], null),
            3 => new ResourcePath(group, version, rest[0], ns, rest[1], rest[2]),
            _ => null,
        };
    }
}
