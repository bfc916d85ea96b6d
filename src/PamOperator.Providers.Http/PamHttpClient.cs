using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using Flurl.Http;
using PamOperator.Core.Providers;
using Polly;

namespace PamOperator.Providers.Http;

/// <summary>
/// The long-lived HTTP client of one PAM (one per ProviderConfig, made once and disposed with its provider), on
/// Flurl.Http. Every call: waits for the shared token bucket; has its own timeout covering the whole body; reads at
/// most <see cref="PamHttpOptions.MaxBodyBytes"/>; is reported to the call observer per attempt; refuses redirects
/// (naming only the target host) and certificates that fail a check (naming the check). Reads (GET) are retried on
/// transient failures honouring <c>Retry-After</c>; writes are sent once (the vendor decides what may be repeated).
/// A non-success answer is classified by the vendor's <c>classify</c> function. Thread-safe.
/// </summary>
public sealed class PamHttpClient : IDisposable
{
    /// <summary>Most bytes of an error answer handed to the classifier.</summary>
    public const int MaxErrorBodyBytes = 16 * 1024;

    private readonly IFlurlClient _flurl;
    private readonly TokenBucket _bucket;
    private readonly ResiliencePipeline _reads;
    private readonly Func<HttpFailureAnswer, PamApiException> _classify;
    private readonly TlsCertificateCheck? _tls;
    private readonly TimeProvider _time;
    private readonly PamApiException? _unusable;

    /// <summary>Makes the client; no network I/O. When the <c>caFile</c> cannot be read, every call fails with
    /// <see cref="ApiErrorKind.TlsRefused"/> (missing caFile). <paramref name="headers"/> go with every request (e.g. the API key) and are never
    /// printed.</summary>
    public PamHttpClient(PamHttpOptions options, IReadOnlyDictionary<string, string> headers, Func<HttpFailureAnswer, PamApiException> classify, TimeProvider? time = null)
        : this(options, headers, classify, null, time)
    {
    }

    /// <summary>Over a given handler, for tests and fault injection only: the TLS checks (and, if the handler follows
    /// them, redirects) are then the handler's business.</summary>
    public PamHttpClient(PamHttpOptions options, IReadOnlyDictionary<string, string> headers, Func<HttpFailureAnswer, PamApiException> classify, HttpMessageHandler? handler, TimeProvider? time)
    {
        Options = options;
        _classify = classify;
        _time = time ?? TimeProvider.System;
        if (handler is null)
        {
            try
            {
                _tls = TlsCertificateCheck.Create(options.CaFile, options.InsecureSkipVerify);
            }
            catch (PamApiException ex)
            {
                // Reported by the first call, inside the caller's error handling, like any other TLS refusal.
                _unusable = ex;
                _tls = TlsCertificateCheck.Create(null, false);
            }

            handler = TransportHandler.Create(options, _tls);
        }

        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _flurl = new FlurlClient(http);
        _flurl.Settings.Redirects.Enabled = false;
        _flurl.Settings.Timeout = null;
        _flurl.Settings.AllowedHttpStatusRange = "*";
        foreach (var (name, value) in headers)
        {
            _flurl.Headers.Add(name, value);
        }

        _flurl.Headers.AddOrReplace("Accept", "application/json");
        _bucket = new TokenBucket(options.RequestsPerSecond, options.Burst);
        _reads = ReadRetryPipeline.Build(options, _time);
    }

    public PamHttpOptions Options { get; }

    /// <summary>Sends one request (a JSON body or none) and returns the success answer's body (bounded). A GET is
    /// retried on transient failures; any other method is sent exactly once.</summary>
    public Task<byte[]> SendAsync(HttpMethod method, string relative, byte[]? jsonBody, CancellationToken cancellationToken) =>
        ExecuteAsync(method, relative, jsonBody, static async (body, ct) =>
        {
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }, cancellationToken);

    /// <summary>As <see cref="SendAsync(HttpMethod, string, byte[], CancellationToken)"/>, with <paramref name="headers"/>
    /// added to this request only (a session cookie, a logon's Basic credentials: never printed), and the success
    /// answer's headers handed to <paramref name="onHeaders"/> before its body is read (a logon's <c>Set-Cookie</c>).</summary>
    public Task<byte[]> SendAsync(HttpMethod method, string relative, byte[]? jsonBody, IReadOnlyDictionary<string, string> headers,
        Action<HttpResponseHeaders>? onHeaders, CancellationToken cancellationToken) =>
        ExecuteAsync(method, relative, jsonBody, static async (body, ct) =>
        {
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }, cancellationToken, new PerRequest(headers, onHeaders));

    /// <summary>GETs <paramref name="relative"/> and hands the success answer's bounded body stream to
    /// <paramref name="parse"/> (within the call's timeout). Retried as a whole on transient failures, so
    /// <paramref name="parse"/> must start from scratch each time. A <see cref="JsonException"/> from it is an
    /// untrusted answer.</summary>
    public Task<T> ReadAsync<T>(string relative, Func<Stream, CancellationToken, ValueTask<T>> parse, CancellationToken cancellationToken) =>
        ExecuteAsync(HttpMethod.Get, relative, null, parse, cancellationToken);

    /// <summary>Runs a whole observe within <see cref="PamHttpOptions.ObserveDeadline"/>; past it, a
    /// <see cref="ApiErrorKind.LimitExceeded"/> failure.</summary>
    public async Task<T> WithinObserveDeadlineAsync<T>(Func<CancellationToken, Task<T>> observe, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.ObserveDeadline);
        try
        {
            return await observe(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PamApiException(ApiErrorKind.LimitExceeded,
                $"observing the PAM took longer than the observe deadline ({Options.ObserveDeadline.TotalSeconds:0.#} s)");
        }
    }

    private async Task<T> ExecuteAsync<T>(HttpMethod method, string relative, byte[]? jsonBody, Func<Stream, CancellationToken, ValueTask<T>> onSuccess, CancellationToken cancellationToken, PerRequest? extras = null)
    {
        if (_unusable is not null)
        {
            throw _unusable;
        }

        var url = new Uri(Options.Endpoint, relative);
        var where = $"{method.Method} {url.AbsolutePath}";
        try
        {
            return method == HttpMethod.Get
                ? await _reads.ExecuteAsync(async ct => await AttemptAsync(method, url, where, jsonBody, onSuccess, extras, ct), cancellationToken)
                : await AttemptAsync(method, url, where, jsonBody, onSuccess, extras, cancellationToken);
        }
        catch (TransientAnswerException ex)
        {
            throw ex.Failure;
        }
    }

    /// <summary>One exchange: rate limit, timeout, send, status, bounded body.</summary>
    private async Task<T> AttemptAsync<T>(HttpMethod method, Uri url, string where, byte[]? jsonBody, Func<Stream, CancellationToken, ValueTask<T>> onSuccess, PerRequest? extras, CancellationToken cancellationToken)
    {
        await _bucket.WaitAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        var observed = false;
        try
        {
            using var content = jsonBody is null ? null : new ByteArrayContent(jsonBody);
            content?.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var request = _flurl.Request(url.AbsoluteUri);
            foreach (var (name, value) in extras?.Headers ?? new Dictionary<string, string>())
            {
                request.WithHeader(name, value);
            }

            using var response = await request.SendAsync(method, content, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Observe(method, response.StatusCode);
            observed = true;
            var message = response.ResponseMessage;
            return await AnswerAsync(message, where, onSuccess, extras?.OnHeaders, timeout.Token);
        }
        catch (Exception ex) when (ex is not PamApiException and not TransientAnswerException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up (shutdown, deadline, a page nobody needs): not a PAM failure, not observed.
                throw new OperationCanceledException("the call was cancelled", ex, cancellationToken);
            }

            if (!observed)
            {
                Observe(method, 0);
            }

            throw Classify(ex, url, where, timeout.IsCancellationRequested);
        }
    }

    private async Task<T> AnswerAsync<T>(HttpResponseMessage message, string where, Func<Stream, CancellationToken, ValueTask<T>> onSuccess,
        Action<HttpResponseHeaders>? onHeaders, CancellationToken cancellationToken)
    {
        var status = (int)message.StatusCode;
        if (status is >= 300 and < 400)
        {
            throw TransportFailures.Redirect(where, status, SafeUrl.HostOf(message.Headers.Location, Options.Endpoint.Host));
        }

        if (status is < 200 or >= 300)
        {
            var failure = _classify(new HttpFailureAnswer(where, status, await ErrorBodyAsync(message, cancellationToken)));
            throw failure.IsTransient ? new TransientAnswerException(failure, RetryAfter(message)) : failure;
        }

        if (message.Content.Headers.ContentLength > Options.MaxBodyBytes)
        {
            throw TransportFailures.BodyTooLarge(where, Options.MaxBodyBytes);
        }

        onHeaders?.Invoke(message.Headers);

        await using var body = new BoundedReadStream(await message.Content.ReadAsStreamAsync(cancellationToken), Options.MaxBodyBytes, where);
        try
        {
            return await onSuccess(body, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw UntrustedAnswer.Because(where, $"malformed JSON or not JSON at all (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})", ex);
        }
    }

    private static async Task<string> ErrorBodyAsync(HttpResponseMessage message, CancellationToken cancellationToken)
    {
        await using var stream = await message.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBodyBytes];
        var filled = 0;
        int n;
        while (filled < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, filled);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage message)
    {
        var header = message.Headers.RetryAfter;
        return header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
    }

    /// <summary>No answer: a certificate check, the timeout, or the connection. Never the exception's own message,
    /// which may hold the full URL.</summary>
    private PamApiException Classify(Exception ex, Uri url, string where, bool timedOut)
    {
        if (timedOut)
        {
            return new PamApiException(ApiErrorKind.Transient, $"{Options.Vendor} API {where} timed out after {Options.RequestTimeout.TotalSeconds:0.#} s");
        }

        if (Chain(ex).Any(e => e is AuthenticationException))
        {
            return TransportFailures.Tls(url.Host, _tls?.LastRefusal(url.Host) ?? TlsCheck.UntrustedIssuer, ex);
        }

        var reason = Chain(ex).OfType<HttpRequestException>().Select(e => e.HttpRequestError.ToString()).FirstOrDefault()
            ?? (Chain(ex).Any(e => e is IOException) ? "ConnectionDropped" : ex.GetType().Name);
        return new PamApiException(ApiErrorKind.Transient, $"{Options.Vendor} API {where} got no answer from {url.Host} ({reason})", null, ex);
    }

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private void Observe(HttpMethod method, int status) => Options.CallObserver?.Observe(Options.Vendor, method.Method, status);

    /// <summary>What one request adds to the client's own headers, and who reads its answer's headers.</summary>
    private sealed record PerRequest(IReadOnlyDictionary<string, string> Headers, Action<HttpResponseHeaders>? OnHeaders);

    public void Dispose()
    {
        _flurl.Dispose();
        _bucket.Dispose();
    }
}
