namespace PamOperator.Core.Providers;

/// <summary>
/// Told about every HTTP attempt a vendor client makes (retries included), for metrics. Receives no URL, body,
/// header or key: only the vendor, the HTTP method and the status code. Called on the client's thread after the
/// attempt ends; must be cheap, thread-safe and must not throw.
/// </summary>
public interface IApiCallObserver
{
    /// <summary>One attempt ended. <paramref name="vendor"/> is the lower-case vendor name (e.g. <c>fudo</c>),
    /// <paramref name="method"/> the HTTP method (<c>GET</c>, <c>POST</c>...), <paramref name="status"/> the HTTP
    /// status code, or 0 when no answer came (timeout, refused or dropped connection).</summary>
    void Observe(string vendor, string method, int status);
}
