using System.Net;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Fudo.Http;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// Reads a batch answer (<c>{"result", "message", "responses": [{"id","result","status",...}]}</c>, docs/simulator.md):
/// success gives the created ids per operation; failure names the request the PAM refused (a "not executed" 424 is a
/// consequence, not the cause).
/// </summary>
internal static class FudoBatchAnswer
{
    private const int NotExecuted = 424;

    public static CommitResult Read(JsonNode? answer, IReadOnlyList<(string OperationId, string RequestId, FudoRequest Request)> staged)
    {
        var responses = (answer?["responses"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => r["id"] is not null)
            .ToDictionary(r => r["id"]!.ToString(), StringComparer.Ordinal);
        if (answer?["result"]?.ToString() == "success")
        {
            var created = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (operationId, requestId, request) in staged)
            {
                if (request.CreatesType is { } type && responses.TryGetValue(requestId, out var r) && r[type]?["id"]?.ToString() is { } id)
                {
                    created[operationId] = id;
                }
            }

            return new CommitResult(true, created);
        }

        var failed = staged
            .Select(s => (s.OperationId, Response: responses.GetValueOrDefault(s.RequestId)))
            .FirstOrDefault(s => s.Response?["result"]?.ToString() == "error" && StatusOf(s.Response) != NotExecuted);
        var status = failed.Response is null ? 400 : StatusOf(failed.Response);
        var message = failed.Response?["message"]?.ToString() ?? answer?["message"]?.ToString() ?? "the batch failed";
        var error = new PamApiException(FudoErrorClassifier.Classify((HttpStatusCode)status),
            $"atomic batch refused, nothing was changed: {message}", status);
        return new CommitResult(false, new Dictionary<string, string>(), error, failed.OperationId);
    }

    private static int StatusOf(JsonObject? response) =>
        int.TryParse(response?["status"]?.ToString(), out var status) ? status : 400;
}
