using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.CyberArk.Http;

/// <summary>What the CyberArk client needs: the PVWA base (…/PasswordVault/), the logon, TLS, rate limit.</summary>
internal sealed record CyberArkClientOptions
{
    public required Uri Endpoint { get; init; }

    public required string UserName { get; init; }

    public required string Password { get; init; }

    public string? CaFile { get; init; }

    public bool InsecureSkipVerify { get; init; }

    public double RequestsPerSecond { get; init; } = 20;

    public int Burst { get; init; } = 40;

    /// <summary>Accounts and safes per list page (PVWA's maximum is 1000).</summary>
    public int PageSize { get; init; } = 1000;

    public IApiCallObserver? CallObserver { get; init; }

    /// <summary>Why the credential cannot be used (not USER:PASSWORD); every call then fails as unauthorized.</summary>
    public string? CredentialProblem { get; init; }

    public override string ToString() => $"CyberArkClientOptions {{ Endpoint = {Endpoint}, UserName = {UserName}, Password = (sensitive) }}";
}

/// <summary>
/// PVWA's REST API through the shared HTTP layer (no redirects, verified TLS, bounded reads, retried reads, rate
/// limit). Logs on with <c>POST API/Auth/CyberArk/Logon</c> (the answer is the token as a bare JSON string) and sends
/// the token raw in <c>Authorization</c>; a 401 (the token expired or was logged off) logs on again once and repeats
/// the request, so sessions are renewed transparently. Lists follow <c>nextLink</c> to the end. Answers are believed
/// only in their documented shape. Thread-safe.
/// </summary>
internal sealed partial class CyberArkClient : IAsyncDisposable
{
    private const string Vendor = "cyberark";
    private const int MaxMessage = 300;

    private readonly CyberArkClientOptions _options;
    private readonly TimeProvider _time;
    private readonly PamHttpClient _anonymous;
    private readonly SemaphoreSlim _logon = new(1, 1);
    private readonly List<PamHttpClient> _retired = [];
    private Session? _session;
    private int _logons;

    public CyberArkClient(CyberArkClientOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _anonymous = new PamHttpClient(HttpOptions(), new Dictionary<string, string>(), Classify, time);
    }

    /// <summary>How many times this client logged on (renewals included).</summary>
    public int Logons => Volatile.Read(ref _logons);

    public int MaxPages => _anonymous.Options.MaxPages;

    /// <summary>Normalizes a ProviderConfig endpoint to PVWA's base: <c>https://host/PasswordVault/</c>.</summary>
    public static Uri BaseOf(Uri endpoint)
    {
        var text = endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri(text.EndsWith("/PasswordVault", StringComparison.OrdinalIgnoreCase) ? text + "/" : text + "/PasswordVault/");
    }

    /// <summary>Sends one request with the session's token (logging on first when needed) and returns the parsed JSON
    /// answer (null for an empty body). A 401 renews the session once.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string relative, JsonNode? body, CancellationToken cancellationToken)
    {
        var bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body);
        var session = await SessionAsync(null, cancellationToken);
        byte[] answer;
        try
        {
            answer = await session.Http.SendAsync(method, relative, bytes, cancellationToken);
        }
        catch (PamApiException ex) when (ex.StatusCode == 401)
        {
            session = await SessionAsync(session, cancellationToken);
            answer = await session.Http.SendAsync(method, relative, bytes, cancellationToken);
        }

        return Parse(answer, $"{method.Method} {relative.Split('?')[0]}");
    }

    /// <summary>Every row of a PVWA list (<c>{"value": [...], "count": N, "nextLink": "api/...?offset=..."}</c>), following
    /// <c>nextLink</c> until it is absent. <paramref name="isRow"/> checks each row's shape.</summary>
    public Task<List<JsonObject>> ListAsync(string first, string what, Func<JsonObject, bool> isRow, Func<JsonObject, string> idOf, CancellationToken cancellationToken) =>
        ListAsync(first, what, isRow, idOf, null, cancellationToken);

    /// <summary>As above; <paramref name="rowsRead"/> (null = nobody) is told how many rows each page brought, in page
    /// order, once the page is checked (observe progress).</summary>
    public async Task<List<JsonObject>> ListAsync(
        string first, string what, Func<JsonObject, bool> isRow, Func<JsonObject, string> idOf, Action<int>? rowsRead, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? next = first;
        for (var page = 0; next is not null; page++)
        {
            if (page >= MaxPages)
            {
                throw new PamApiException(ApiErrorKind.LimitExceeded, $"the list of cyberark {what} did not end within {MaxPages} pages");
            }

            var answer = await SendAsync(HttpMethod.Get, next, null, cancellationToken);
            if (answer is not JsonObject o || o["value"] is not JsonArray value || o["count"] is not JsonValue count
                || !count.TryGetValue<long>(out var total) || total < 0 || value.Any(r => r is not JsonObject row || !isRow(row)))
            {
                throw Untrusted($"the list of cyberark {what} is not a {{value, count}} page of well-formed {what}");
            }

            foreach (var row in value.Cast<JsonObject>())
            {
                if (!seen.Add(idOf(row)))
                {
                    throw Untrusted($"the list of cyberark {what} repeated {idOf(row)}: its pages overlap");
                }

                rows.Add(row);
            }

            next = null;
            if (o["nextLink"] is JsonValue link && link.TryGetValue<string>(out var text) && text.Length > 0)
            {
                if (!NextLinkFormat().IsMatch(text) || !links.Add(text) || value.Count == 0)
                {
                    throw Untrusted($"the list of cyberark {what} has a nextLink that is not a new link into the API");
                }

                next = "API/" + text[4..];
            }
            else if (o["nextLink"] is { } other && other.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw Untrusted($"the list of cyberark {what} has a nextLink that is not a string");
            }

            if (value.Count > 0)
            {
                rowsRead?.Invoke(value.Count);
            }
        }

        return rows;
    }

    /// <summary>Logs off (best effort) and releases the HTTP clients.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_session is { } session)
        {
            try
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await session.Http.SendAsync(HttpMethod.Post, "API/Auth/Logoff", null, quick.Token);
            }
            catch (Exception ex) when (ex is PamApiException or OperationCanceledException)
            {
                // Logoff only shortens the token's life; it expires by itself anyway.
            }

            session.Http.Dispose();
        }

        foreach (var retired in _retired)
        {
            retired.Dispose();
        }

        _anonymous.Dispose();
        _logon.Dispose();
    }

    /// <summary>The current session, or a new one when there is none or <paramref name="stale"/> is still current.</summary>
    private async Task<Session> SessionAsync(Session? stale, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _session);
        if (current is not null && current != stale)
        {
            return current;
        }

        await _logon.WaitAsync(cancellationToken);
        try
        {
            current = _session;
            if (current is not null && current != stale)
            {
                return current;
            }

            if (_options.CredentialProblem is { } problem)
            {
                throw new PamApiException(ApiErrorKind.Unauthorized, problem);
            }

            var logon = new JsonObject { ["username"] = _options.UserName, ["password"] = _options.Password, ["concurrentSession"] = true };
            byte[] answer;
            try
            {
                answer = await _anonymous.SendAsync(HttpMethod.Post, "API/Auth/CyberArk/Logon", JsonSerializer.SerializeToUtf8Bytes(logon), cancellationToken);
            }
            catch (PamApiException ex) when (ex.Kind is ApiErrorKind.Unauthorized or ApiErrorKind.Invalid)
            {
                throw new PamApiException(ApiErrorKind.Unauthorized,
                    $"cyberark logon as {_options.UserName} was refused ({ex.Message}): check the ProviderConfig's credentials (USER:PASSWORD)", ex.StatusCode);
            }

            if (Parse(answer, "POST API/Auth/CyberArk/Logon") is not JsonValue token || !token.TryGetValue<string>(out var text)
                || text.Length is 0 or > 4096 || text.Any(c => char.IsControl(c) || c > '~'))
            {
                throw Untrusted("the logon answer is not a token (a bare JSON string of printable characters)");
            }

            if (current is not null)
            {
                _retired.Add(current.Http);
            }

            var session = new Session(new PamHttpClient(HttpOptions(), new Dictionary<string, string> { ["Authorization"] = text }, Classify, _time));
            Interlocked.Increment(ref _logons);
            Volatile.Write(ref _session, session);
            return session;
        }
        finally
        {
            _logon.Release();
        }
    }

    private PamHttpOptions HttpOptions() => new()
    {
        Endpoint = _options.Endpoint,
        Vendor = Vendor,
        CaFile = _options.CaFile,
        InsecureSkipVerify = _options.InsecureSkipVerify,
        RequestsPerSecond = _options.RequestsPerSecond,
        Burst = _options.Burst,
        CallObserver = _options.CallObserver,
    };

    private static JsonNode? Parse(byte[] bytes, string where)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            throw Untrusted($"cyberark {where} answered something that is not JSON");
        }
    }

    private static PamApiException Untrusted(string message) => new(ApiErrorKind.UntrustedAnswer, "the PAM answered something pamctl cannot trust: " + message);

    /// <summary>Classifies a failure by status; the message names PVWA's ErrorCode and (truncated) ErrorMessage.</summary>
    private static PamApiException Classify(HttpFailureAnswer answer)
    {
        var kind = answer.Status switch
        {
            404 => ApiErrorKind.NotFound,
            409 => ApiErrorKind.Conflict,
            401 or 403 => ApiErrorKind.Unauthorized,
            429 or >= 500 or 0 => ApiErrorKind.Transient,
            _ => ApiErrorKind.Invalid,
        };
        var detail = "";
        try
        {
            if (JsonNode.Parse(answer.Body) is JsonObject o && o["ErrorCode"] is JsonValue code && code.TryGetValue<string>(out var c))
            {
                var message = o["ErrorMessage"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : "";
                message = new string([.. message.Where(ch => !char.IsControl(ch))]);
                detail = $": {new string([.. c.Where(char.IsLetterOrDigit).Take(16)])} {(message.Length > MaxMessage ? message[..MaxMessage] + "..." : message)}";
            }
        }
        catch (JsonException)
        {
            // Not PVWA's error layout (a proxy's page): the status says enough.
        }

        return new PamApiException(kind, string.Create(CultureInfo.InvariantCulture, $"cyberark {answer.Where} answered {answer.Status}{detail}"),
            answer.Status == 0 ? null : answer.Status);
    }

    /// <summary>A relative link into the API as PVWA writes it (<c>api/Accounts?offset=50&amp;limit=50</c>): no scheme, no
    /// host, no dot segments.</summary>
    [GeneratedRegex("^api/[A-Za-z0-9_%@-]+(/[A-Za-z0-9_%@-]+)*/?\\?[^\\s#]*$", RegexOptions.IgnoreCase)]
    private static partial Regex NextLinkFormat();

    private sealed record Session(PamHttpClient Http);
}
