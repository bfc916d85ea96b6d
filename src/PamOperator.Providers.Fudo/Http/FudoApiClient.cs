using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using Polly;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// Fudo PAM API v2 over HTTP: raw API-key header, the success envelope, typed errors, paging, a shared rate limit,
/// retries with backoff and jitter for reads only (a write is never repeated blindly), cancellation everywhere.
/// Paths are relative to <c>/api/v2/</c>, e.g. <c>safe</c> or <c>user/safe</c>.
/// </summary>
internal sealed class FudoApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly FudoClientOptions _options;
    private readonly TokenBucket _bucket;
    private readonly ResiliencePipeline<HttpResponseMessage> _reads;

    public FudoApiClient(HttpClient http, FudoClientOptions options, TimeProvider? time = null)
    {
        _http = http;
        _options = options;
        _bucket = new TokenBucket(options.RequestsPerSecond, options.Burst);
        _reads = FudoRetryPipeline.Build(options, time ?? TimeProvider.System);
    }

    /// <summary>Every object of a list endpoint (filtered by the raw <c>filter=</c> expression, which is escaped here),
    /// page by page (<c>limit</c>/<c>offset</c>) until a short page.</summary>
    public async IAsyncEnumerable<JsonObject> ListAsync(
        string path, string? fields, string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, _options.PageSize);
        for (var offset = 0L; ; offset += pageSize)
        {
            var query = Query(fields, filter is null ? null : "filter=" + Uri.EscapeDataString(filter), $"limit={pageSize}", $"offset={offset}");
            var response = await SendAsync(HttpMethod.Get, path + query, null, cancellationToken);
            var items = response.Items;
            foreach (var item in items)
            {
                if (item is JsonObject o)
                {
                    yield return o;
                }
            }

            if (items.Count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Creates an object; returns its id. Not retried.</summary>
    public async Task<string?> CreateAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, path, body, cancellationToken)).CreatedId;

    /// <summary>Changes the given attributes only. Not retried.</summary>
    public async Task PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    /// <summary>Deletes an object. A missing object surfaces as <see cref="ApiErrorKind.NotFound"/>. Not retried.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>Posts a batch; returns the whole response body (batch results are not enveloped per type).</summary>
    public async Task<JsonNode?> PostRawAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        await SendRawAsync(HttpMethod.Post, path, body, cancellationToken);

    public async Task<FudoResponse> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        FudoResponse.FromBody(await SendRawAsync(method, path, body, cancellationToken));

    private async Task<JsonNode?> SendRawAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var payload = body?.ToJsonString();
        var isRead = method == HttpMethod.Get;
        using var response = isRead
            ? await _reads.ExecuteAsync(async ct => await AttemptAsync(method, path, payload, ct), cancellationToken)
            : await AttemptAsync(method, path, payload, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(method, path, response.StatusCode, text);
        }

        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    /// <summary>One HTTP exchange, rate limited, with its own timeout. Timeouts and dropped connections become
    /// transient <see cref="PamApiException"/>s (retried for reads by the pipeline).</summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpMethod method, string path, string? payload, CancellationToken cancellationToken)
    {
        await _bucket.WaitAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(method, new Uri(_options.Endpoint, "api/v2/" + path));
        request.Headers.TryAddWithoutValidation("Authorization", _options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (payload is not null)
        {
            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        }

        var status = 0;
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            status = (int)response.StatusCode;
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PamApiException(ApiErrorKind.Transient, $"Fudo API {method} /api/v2/{StripQuery(path)} timed out after {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            throw new PamApiException(ApiErrorKind.Transient, $"Fudo API {method} /api/v2/{StripQuery(path)} failed: {ex.Message}", null, ex);
        }
        finally
        {
            if (status != 0 || !cancellationToken.IsCancellationRequested)
            {
                // A call abandoned by the caller (shutdown) is not a PAM failure: only answers and failures count.
                _options.CallObserver?.Observe("fudo", method.Method, status);
            }
        }
    }

    private static PamApiException Failure(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var kind = FudoErrorClassifier.Classify(status);
        var message = FudoErrorMessage.From(body);
        var text = $"Fudo API {method} /api/v2/{StripQuery(path)} answered {(int)status} {status}" + (message.Length > 0 ? $": {message}" : "");
        return new PamApiException(kind, text, (int)status);
    }

    private static string StripQuery(string path) => path.Split('?')[0];

    private static string Query(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return present.Length == 0 ? "" : "?" + string.Join('&', present);
    }

    public static string? FieldsParam(IEnumerable<string>? fields) =>
        fields is null ? null : "fields=" + string.Join(',', fields.Distinct(StringComparer.Ordinal));

    public void Dispose() => _bucket.Dispose();
}
