namespace PamOperator.Providers.Http;

/// <summary>
/// The primary handler of every client: redirects are never followed (a 3xx reaches the client, which refuses it),
/// every TLS connection is validated by <see cref="TlsCertificateCheck"/>, connections are pooled and renewed, and a
/// connection attempt is bounded by the request timeout.
/// </summary>
internal static class TransportHandler
{
    public static SocketsHttpHandler Create(PamHttpOptions options, TlsCertificateCheck tls)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, options.MaxConnections),
            ConnectTimeout = options.RequestTimeout,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            MaxResponseHeadersLength = 64, // KiB: headers are not a place for data
        };
        handler.SslOptions.RemoteCertificateValidationCallback = tls.Validate;
        return handler;
    }
}
