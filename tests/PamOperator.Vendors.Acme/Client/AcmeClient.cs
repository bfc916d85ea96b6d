using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>Acme's REST API through the shared HTTP layer (no redirects, verified TLS, bounded reads, retried reads,
/// rate limit): <c>/api/v1/{type}</c> lists (offset/limit, <c>{items, total}</c>), creates, patches and deletes; the key
/// in <c>X-Acme-Key</c>. Answers are believed only in their documented shape.</summary>
internal sealed class AcmeClient(Uri endpoint, string key, int pageSize) : IDisposable
{
    private readonly PamHttpClient _http = new(
        new PamHttpOptions { Endpoint = endpoint, Vendor = "acme" },
        new Dictionary<string, string> { ["X-Acme-Key"] = key },
        Classify);

    public async Task<List<JsonObject>> ListAsync(string type, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (var page = 0; page < _http.Options.MaxPages; page++)
        {
            var offset = page * pageSize;
            var answer = await SendAsync(HttpMethod.Get, $"api/v1/{PathSegment.Of(type, null, "the type")}?offset={offset}&limit={pageSize}", null, cancellationToken);
            if (answer?["items"] is not JsonArray batch || answer["total"] is not JsonValue total || !total.TryGetValue<int>(out var count)
                || batch.Any(i => i is not JsonObject { } o || !IsText(o["id"]) || !IsText(o["name"]) || o["spec"] is not JsonObject))
            {
                throw new PamApiException(ApiErrorKind.UntrustedAnswer, $"the list of acme {type} is not an {{items, total}} page of objects with id, name and spec");
            }

            items.AddRange(batch.Cast<JsonObject>());
            if (batch.Count == 0 || offset + batch.Count >= count)
            {
                return items;
            }
        }

        throw new PamApiException(ApiErrorKind.LimitExceeded, $"the list of acme {type} did not end within {_http.Options.MaxPages} pages");
    }

    public async Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var bytes = await _http.SendAsync(method, path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body), cancellationToken);
        try
        {
            return bytes.Length == 0 ? null : JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            throw new PamApiException(ApiErrorKind.UntrustedAnswer, $"acme {method} {path.Split('?')[0]} answered something that is not JSON");
        }
    }

    public void Dispose() => _http.Dispose();

    private static bool IsText(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0;

    private static PamApiException Classify(HttpFailureAnswer answer) => new(answer.Status switch
    {
        404 => ApiErrorKind.NotFound,
        405 or 409 => ApiErrorKind.Conflict,
        401 or 403 => ApiErrorKind.Unauthorized,
        429 or >= 500 or 0 => ApiErrorKind.Transient,
        _ => ApiErrorKind.Invalid,
    }, $"acme {answer.Where} answered {answer.Status}", answer.Status == 0 ? null : answer.Status);
}
