using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>Acme's REST API: <c>/api/v1/{type}</c> lists (offset/limit, <c>{items, total}</c>), creates, patches and
/// deletes; the key in <c>X-Acme-Key</c>. Failures are classified <see cref="PamApiException"/>s.</summary>
internal sealed class AcmeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly int _pageSize;

    public AcmeClient(Uri endpoint, string key, int pageSize)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-Acme-Key", key);
        _pageSize = pageSize;
    }

    public async Task<List<JsonObject>> ListAsync(string type, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (var offset = 0; ; offset += _pageSize)
        {
            var page = await SendAsync(HttpMethod.Get, $"api/v1/{type}?offset={offset}&limit={_pageSize}", null, cancellationToken)
                as JsonObject ?? throw Untrusted(type);
            var batch = page["items"] as JsonArray ?? throw Untrusted(type);
            items.AddRange(batch.OfType<JsonObject>());
            var total = page["total"]?.GetValue<int>() ?? 0;
            if (batch.Count == 0 || offset + batch.Count >= total)
            {
                return items;
            }
        }
    }

    public async Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new PamApiException(ApiErrorKind.Transient, $"{method} {path.Split('?')[0]}: no answer ({ex.HttpRequestError})");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            }

            var kind = response.StatusCode switch
            {
                HttpStatusCode.NotFound => ApiErrorKind.NotFound,
                HttpStatusCode.Conflict or HttpStatusCode.MethodNotAllowed => ApiErrorKind.Conflict,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ApiErrorKind.Unauthorized,
                HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => ApiErrorKind.Transient,
                _ => ApiErrorKind.Invalid,
            };
            throw new PamApiException(kind, $"{method} {path.Split('?')[0]} answered {(int)response.StatusCode}", (int)response.StatusCode);
        }
    }

    public void Dispose() => _http.Dispose();

    private static PamApiException Untrusted(string type) =>
        new(ApiErrorKind.Invalid, $"the list of {type} is not an {{items, total}} object");
}
