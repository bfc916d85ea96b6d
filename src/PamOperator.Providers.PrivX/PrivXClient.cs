using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// PrivX's REST API through the shared HTTP layer. Authentication (pam-apis §4): <c>POST /auth/api/v1/oauth/token</c>
/// with Basic client credentials and the password grant; the access token goes as <c>Authorization: Bearer</c>, is
/// renewed when 80% of its <c>expires_in</c> has passed, and once more when the PAM answers 401 (the call is then
/// repeated once: a 401 executed nothing). Lists are <c>{count, items}</c> pages read with offset/limit; an answer is
/// believed only in that shape. Thread-safe.
/// </summary>
internal sealed partial class PrivXClient : IDisposable
{
    private const string TokenPath = "auth/api/v1/oauth/token";

    private readonly PamHttpClient _http;
    private readonly PrivXCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private readonly int _pageSize;
    private (string Value, DateTimeOffset RenewAt)? _token;
    private int _tokensIssued;

    public PrivXClient(PamHttpOptions options, PrivXCredentials credentials, int pageSize, TimeProvider time)
    {
        _credentials = credentials;
        _time = time;
        _pageSize = pageSize;
        _http = new PamHttpClient(options, new Dictionary<string, string>(), Classify, time) { Authorization = AuthorizationAsync };
    }

    /// <summary>How many access tokens this client has obtained (renewals included).</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public PamHttpOptions Options => _http.Options;

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    public static partial Regex Uuid();

    /// <summary>A path segment from a PrivX id (a UUID); anything else builds no path.</summary>
    public static string Id(string? value, string what) => PathSegment.Of(value, Uuid(), what);

    /// <summary>Every item of a <c>{count, items}</c> list, page by page (sortkey id, ascending), each item an object
    /// with a UUID <c>id</c>. A page with more items than asked for, an id read twice, or a list that does not end within
    /// <see cref="PamHttpOptions.MaxPages"/> pages is refused.</summary>
    public Task<List<JsonObject>> ListAsync(string path, CancellationToken cancellationToken) => ListAsync(path, null, cancellationToken);

    /// <summary>As above; <paramref name="rowsRead"/> (null = nobody) is told how many items each page brought, in page
    /// order, once the page is checked (observe progress).</summary>
    public async Task<List<JsonObject>> ListAsync(string path, Action<int>? rowsRead, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var page = 0; page < _http.Options.MaxPages; page++)
        {
            var offset = page * _pageSize;
            var answer = await SendAsync(HttpMethod.Get, $"{path}?offset={offset}&limit={_pageSize}&sortkey=id&sortdir=ASC", null, cancellationToken);
            if (answer is not JsonObject o || o["items"] is not JsonArray batch || o["count"] is not JsonValue total
                || !total.TryGetValue<long>(out var count) || batch.Count > _pageSize
                || batch.Any(i => i is not JsonObject item || item["id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String || !Uuid().IsMatch(id.GetValue<string>())))
            {
                throw new PamApiException(ApiErrorKind.UntrustedAnswer, $"privx GET /{path} is not a {{count, items}} page of objects with UUID ids");
            }

            foreach (var item in batch.Cast<JsonObject>())
            {
                if (!seen.Add(item["id"]!.GetValue<string>()))
                {
                    throw new PamApiException(ApiErrorKind.UntrustedAnswer, $"privx GET /{path} repeated an object at offset {offset}: the server ignores paging");
                }

                items.Add(item);
            }

            if (batch.Count > 0)
            {
                rowsRead?.Invoke(batch.Count);
            }

            if (batch.Count < _pageSize || items.Count >= count)
            {
                return items;
            }
        }

        throw new PamApiException(ApiErrorKind.LimitExceeded, $"privx GET /{path} did not end within {_http.Options.MaxPages} pages");
    }

    /// <summary>One call with a JSON body or none; the answer parsed (null when empty). Repeated once after a 401 with a
    /// new token.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        byte[] answer;
        try
        {
            answer = await _http.SendAsync(method, path, bytes, cancellationToken);
        }
        catch (PamApiException ex) when (ex.Kind == ApiErrorKind.Unauthorized && ex.StatusCode == 401)
        {
            _token = null;
            answer = await _http.SendAsync(method, path, bytes, cancellationToken);
        }

        try
        {
            return answer.Length == 0 ? null : JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            throw new PamApiException(ApiErrorKind.UntrustedAnswer, $"privx {method} /{path.Split('?')[0]} answered something that is not JSON");
        }
    }

    public async ValueTask<string?> AuthorizationAsync(CancellationToken cancellationToken) => "Bearer " + await TokenAsync(cancellationToken);

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } current && _time.GetUtcNow() < current.RenewAt)
        {
            return current.Value;
        }

        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && _time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Value;
            }

            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.OAuthClientId}:{_credentials.OAuthClientSecret}"));
            var answer = await _http.PostFormAsync(TokenPath,
                new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = _credentials.ApiClientId, ["password"] = _credentials.ApiClientSecret },
                new Dictionary<string, string> { ["Authorization"] = "Basic " + basic },
                cancellationToken);
            JsonNode? token;
            try
            {
                token = JsonNode.Parse(answer);
            }
            catch (JsonException)
            {
                token = null;
            }

            if (token?["access_token"] is not JsonValue access || access.GetValueKind() != JsonValueKind.String || access.GetValue<string>().Length == 0
                || token["expires_in"] is not JsonValue expires || !expires.TryGetValue<double>(out var seconds) || seconds <= 0)
            {
                throw new PamApiException(ApiErrorKind.UntrustedAnswer, "privx POST /auth/api/v1/oauth/token did not answer an access_token with expires_in");
            }

            _token = (access.GetValue<string>(), _time.GetUtcNow() + TimeSpan.FromSeconds(seconds * 0.8));
            Interlocked.Increment(ref _tokensIssued);
            return _token.Value.Value;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _tokenGate.Dispose();
    }

    /// <summary>PrivX's statuses (pam-apis §4) and its error body's <c>error_code</c> and <c>property</c> (never its
    /// message, which could echo a value); the token endpoint's OAuth errors are authentication failures.</summary>
    private static PamApiException Classify(HttpFailureAnswer answer)
    {
        var detail = "";
        try
        {
            if (JsonNode.Parse(answer.Body) is JsonObject body)
            {
                var code = body["error_code"] ?? body["error"];
                detail = code is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length < 64 && v.GetValue<string>().All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                    ? $" {v.GetValue<string>()}" : "";
                if (body["property"] is JsonValue p && p.GetValueKind() == JsonValueKind.String && p.GetValue<string>().Length < 64 && p.GetValue<string>().All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
                {
                    detail += $" (property {p.GetValue<string>()})";
                }
            }
        }
        catch (JsonException)
        {
            // Not PrivX's error body: the status says enough.
        }

        var token = answer.Where.Contains("/oauth/token", StringComparison.Ordinal);
        var kind = answer.Status switch
        {
            401 or 403 => ApiErrorKind.Unauthorized,
            400 when token => ApiErrorKind.Unauthorized,
            404 => ApiErrorKind.NotFound,
            409 => ApiErrorKind.Conflict,
            429 or >= 500 or 0 => ApiErrorKind.Transient,
            _ => ApiErrorKind.Invalid,
        };
        var what = token && kind == ApiErrorKind.Unauthorized ? ": the OAuth client or the API client credentials were refused" : "";
        return new PamApiException(kind, $"privx {answer.Where} answered {answer.Status}{detail}{what}", answer.Status == 0 ? null : answer.Status);
    }
}
