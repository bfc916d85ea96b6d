using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// Fudo PAM API v2 on the shared HTTP layer (<see cref="PamHttpClient"/>: rate limit, timeouts, read retries, bounded
/// bodies, TLS and redirect rules). Fudo's own parts only: the raw API-key header, <c>limit</c>/<c>offset</c> paging
/// into typed <see cref="FudoRow"/>s, the success envelope checked on every answer, and the classification of error
/// answers. Paths are relative to <c>/api/v2/</c>, e.g. <c>safe</c> or <c>user/safe</c>. One per provider; thread-safe.
/// </summary>
internal sealed class FudoApiClient : IDisposable
{
    public const string Vendor = "fudo";
    private readonly PamHttpClient _http;
    private readonly FudoClientOptions _options;

    /// <summary>The real client: its own connections, TLS checks and redirect refusal. No network I/O here.</summary>
    public FudoApiClient(FudoClientOptions options, TimeProvider? time = null)
        : this(options, null, time)
    {
    }

    /// <summary>Over a given handler (tests, fault injection).</summary>
    public FudoApiClient(FudoClientOptions options, HttpMessageHandler? handler, TimeProvider? time = null)
    {
        _options = options;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Authorization"] = options.ApiKey };
        _http = handler is null
            ? new PamHttpClient(options.ToHttpOptions(), headers, Failure, time)
            : new PamHttpClient(options.ToHttpOptions(), headers, Failure, handler, time);
    }

    /// <summary>Every object of a list endpoint (filtered by the raw <c>filter=</c> expression, escaped here), page by
    /// page until a short page, as typed rows checked against <paramref name="columns"/>.</summary>
    public Task<List<FudoRow>> ListAsync(string path, FudoColumns columns, string? filter, CancellationToken cancellationToken) =>
        ListAsync(path, columns, filter, null, cancellationToken);

    /// <summary>As above; <paramref name="rowsRead"/> is told the new rows of each page (observe progress).</summary>
    public Task<List<FudoRow>> ListAsync(string path, FudoColumns columns, string? filter, Action<int>? rowsRead, CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, _options.PageSize);
        var where = $"GET /api/v2/{path}";
        var fields = columns.FieldsParam;
        var filterParam = filter is null ? "" : "&filter=" + Uri.EscapeDataString(filter);
        return PageReader.ReadAllAsync(
            _http,
            offset => $"api/v2/{path}?{fields}{filterParam}&limit={pageSize}&offset={offset}",
            pageSize,
            FudoPageParser.For(columns, where),
            row => row.Id,
            rowsRead,
            cancellationToken);
    }

    /// <summary>Runs a whole observe within the observe deadline.</summary>
    public Task<T> ObserveAsync<T>(Func<CancellationToken, Task<T>> observe, CancellationToken cancellationToken) =>
        _http.WithinObserveDeadlineAsync(observe, cancellationToken);

    /// <summary>Creates an object; returns its id. Not retried.</summary>
    public async Task<string?> CreateAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, path, body, cancellationToken)).CreatedId;

    /// <summary>Changes the given attributes only. Not retried.</summary>
    public async Task PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    /// <summary>Deletes an object. A missing object surfaces as <see cref="ApiErrorKind.NotFound"/>. Not retried.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>Posts a batch; returns the whole answer (batch results are not enveloped per type). The answer must be
    /// an object with a <c>result</c>, or it is untrusted.</summary>
    public async Task<JsonObject> PostRawAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        var answer = await SendParsedAsync(HttpMethod.Post, path, body, cancellationToken);
        return answer is JsonObject o && o["result"] is JsonValue
            ? o
            : throw UntrustedAnswer.Because($"POST /api/v2/{path}", "the batch answer has no result");
    }

    /// <summary>One request (reads retried, writes sent once); the answer must be Fudo's success envelope.</summary>
    public async Task<FudoResponse> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        FudoResponse.FromBody(await SendParsedAsync(method, path, body, cancellationToken), $"{method.Method} /api/v2/{SafeUrl.PathOnly(path)}");

    private async Task<JsonNode?> SendParsedAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body);
        var bytes = await _http.SendAsync(method, "api/v2/" + path, payload, cancellationToken);
        try
        {
            return bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw UntrustedAnswer.Because($"{method.Method} /api/v2/{SafeUrl.PathOnly(path)}", "malformed JSON or not JSON at all", ex);
        }
    }

    /// <summary>An error answer: classified by status, with the PAM's own message (truncated).</summary>
    private static PamApiException Failure(HttpFailureAnswer answer)
    {
        var status = (HttpStatusCode)answer.Status;
        var message = FudoErrorMessage.From(answer.Body);
        var text = $"Fudo API {answer.Where} answered {answer.Status} {status}" + (message.Length > 0 ? $": {message}" : "");
        return new PamApiException(FudoErrorClassifier.Classify(status), text, answer.Status);
    }

    public void Dispose() => _http.Dispose();
}
