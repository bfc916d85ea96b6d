using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Sps.Http;

/// <summary>
/// SPS's REST API through the shared HTTP layer. Logs on with <c>GET /api/authentication</c> (HTTP Basic, sent on that
/// request only) and sends the <c>session_id</c> cookie it answers with on every other request. When SPS answers
/// <c>401 Unauthenticated</c> (the session expired after 20 idle minutes, or was ended) the client logs on again and
/// repeats the request once, unless the caller says the session must not change (an open transaction belongs to its
/// session). Answers are believed only as JSON objects. Thread-safe.
/// </summary>
internal sealed partial class SpsClient : IDisposable
{
    private readonly PamHttpClient _http;
    private readonly SpsCredentials _credentials;
    private readonly SemaphoreSlim _logon = new(1, 1);
    private string? _session;

    public SpsClient(PamHttpOptions options, SpsCredentials credentials, TimeProvider time)
    {
        _http = new PamHttpClient(options, new Dictionary<string, string>(), SpsErrorClassifier.Classify, time);
        _credentials = credentials;
    }

    public string User => _credentials.User;

    public Uri Endpoint => _http.Options.Endpoint;

    /// <summary>The current session id (logging on first when there is none). Sensitive.</summary>
    public async Task<string> SessionAsync(CancellationToken cancellationToken) => _session ?? await LogOnAsync(null, cancellationToken);

    /// <summary>Sends one request in the current session. <paramref name="renew"/>: on 401 Unauthenticated log on again
    /// and repeat once. <paramref name="session"/>: use this session id instead (no renewal).</summary>
    public async Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, bool renew, CancellationToken cancellationToken, string? session = null)
    {
        var used = session ?? await SessionAsync(cancellationToken);
        try
        {
            return await ExchangeAsync(method, path, body, used, cancellationToken);
        }
        catch (PamApiException ex) when (renew && session is null && ex.StatusCode == 401)
        {
            await LogOnAsync(used, cancellationToken);
            return await ExchangeAsync(method, path, body, _session!, cancellationToken);
        }
    }

    public Task<JsonObject?> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, renew: true, cancellationToken);

    public void Dispose()
    {
        _http.Dispose();
        _logon.Dispose();
    }

    private async Task<JsonObject?> ExchangeAsync(HttpMethod method, string path, JsonObject? body, string session, CancellationToken cancellationToken)
    {
        var bytes = await Scrubbed(() => _http.SendAsync(method, path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body),
            new Dictionary<string, string> { ["Cookie"] = $"session_id={session}" }, null, cancellationToken), session);
        return Parse(bytes, method, path);
    }

    /// <summary>Runs one exchange; a failure whose text holds the session id or the password (a server echoing them in
    /// its error message) is thrown with them replaced, so no diagnostic ever shows them.</summary>
    private async Task<byte[]> Scrubbed(Func<Task<byte[]>> exchange, string? session)
    {
        try
        {
            return await exchange();
        }
        catch (PamApiException ex) when (Secrets(session).Any(s => ex.Message.Contains(s, StringComparison.Ordinal)))
        {
            var message = Secrets(session).Aggregate(ex.Message, (text, secret) => text.Replace(secret, "(sensitive)", StringComparison.Ordinal));
            throw new PamApiException(ex.Kind, message, ex.StatusCode, ex.InnerException);
        }
    }

    private IEnumerable<string> Secrets(string? session) =>
        new[] { session, _credentials.Password, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.User}:{_credentials.Password}")) }
            .OfType<string>().Where(s => s.Length > 0);

    /// <summary>Logs on unless another caller already replaced <paramref name="expired"/>.</summary>
    private async Task<string> LogOnAsync(string? expired, CancellationToken cancellationToken)
    {
        await _logon.WaitAsync(cancellationToken);
        try
        {
            if (_session is not null && _session != expired)
            {
                return _session;
            }

            string? issued = null;
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.User}:{_credentials.Password}"));
            var bytes = await Scrubbed(() => _http.SendAsync(HttpMethod.Get, "api/authentication", null,
                new Dictionary<string, string> { ["Authorization"] = "Basic " + basic }, headers => issued = SessionCookie(headers), cancellationToken), null);
            Parse(bytes, HttpMethod.Get, "api/authentication");
            _session = issued ?? throw UntrustedAnswer.Because("GET /api/authentication", "the logon answer set no session_id cookie of 16 to 128 letters and digits");
            return _session;
        }
        finally
        {
            _logon.Release();
        }
    }

    private static string? SessionCookie(HttpResponseHeaders headers) =>
        headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => SessionCookieFormat().Match(c)).Where(m => m.Success).Select(m => m.Groups[1].Value).FirstOrDefault()
            : null;

    private static JsonObject? Parse(byte[] bytes, HttpMethod method, string path)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes, null, StrictJson) as JsonObject
                ?? throw UntrustedAnswer.Because($"{method.Method} /{path.Split('?')[0]}", "the answer is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw UntrustedAnswer.Because($"{method.Method} /{path.Split('?')[0]}", "the answer is not JSON", ex);
        }
    }

    /// <summary>An object naming one property twice is not believed (which of the two would be SPS's?).</summary>
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    [GeneratedRegex("^\\s*session_id=([A-Za-z0-9]{16,128})\\s*(;|$)")]
    private static partial Regex SessionCookieFormat();
}
