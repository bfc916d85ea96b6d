namespace PamOperator.Providers.Http;

/// <summary>
/// The parts of a URL that may appear in a message: scheme, host, port and path. Userinfo (credentials) and the query
/// (filters, tokens) never do.
/// </summary>
public static class SafeUrl
{
    /// <summary><c>https://host:port/path</c>, without userinfo, query or fragment.</summary>
    public static string Describe(Uri url) =>
        url.IsAbsoluteUri ? $"{url.Scheme}://{url.Authority.Split('@')[^1]}{url.AbsolutePath}" : PathOnly(url.OriginalString);

    /// <summary>The host of an absolute URL (no userinfo, no port), or <paramref name="fallback"/> for a relative one.</summary>
    public static string HostOf(Uri? url, string fallback) => url is { IsAbsoluteUri: true } ? url.Host : fallback;

    /// <summary>A relative path with its query and fragment cut off.</summary>
    public static string PathOnly(string relative)
    {
        var cut = relative.IndexOfAny(['?', '#']);
        return cut < 0 ? relative : relative[..cut];
    }
}
