using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Batch;

/// <summary>
/// <c>POST /batch</c>. Each request runs through the same router as HTTP requests, inside a savepoint. A failed request
/// is undone; in an atomic batch (unless the request says <c>"atomic": false</c>) it also undoes every earlier request
/// and stops the batch. The answer is always HTTP 200 once the body parsed:
/// <c>{"result":"success"|"error", "message"?, "responses":[{"id","result","status",...answer}]}</c>; after an abort,
/// earlier answers carry <c>"reverted": true</c> and later requests are reported with status 424, not executed.
/// </summary>
internal static class BatchEndpoint
{
    public static ApiResponse Handle(ApiCall call)
    {
        var context = call.Context;
        var parseError = BatchBody.Parse(call.Request.Body, context.Compatibility, out var body);
        var error = (call.Request.Query.Count > 0 ? ApiError.BadRequest("batch takes no URL parameters") : null) ?? parseError;
        if (error is not null)
        {
            return ApiResponse.From(error);
        }

        var database = context.Service.Store.Database;
        var substitution = new BatchSubstitution(body!.Variables,
            body.Requests.Select(r => r.Id).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var responses = new List<JsonObject>();
        database.Savepoint("batch");
        string? abortMessage = null;
        for (var i = 0; i < body.Requests.Count && abortMessage is null; i++)
        {
            var entry = body.Requests[i];
            var savepoint = "r" + i.ToString(CultureInfo.InvariantCulture);
            database.Savepoint(savepoint);
            var response = Execute(entry, substitution, context);
            var answer = response.ToJson(context.Compatibility.ErrorLayout);
            if (response.IsSuccess)
            {
                database.Release(savepoint);
                if (entry.Id is not null)
                {
                    substitution.Record(entry.Id, answer.DeepClone().AsObject());
                }
            }
            else
            {
                database.RollbackTo(savepoint);
                if (body.Atomic && entry.Atomic != false)
                {
                    abortMessage = $"atomic batch aborted by request {entry.Id ?? i.ToString(CultureInfo.InvariantCulture)}: {response.ErrorMessage}";
                }
            }

            responses.Add(Entry(entry, response.Status, answer));
        }

        return Finish(database, body, responses, abortMessage);
    }

    private static ApiResponse Execute(BatchEntry entry, BatchSubstitution substitution, ApiContext context)
    {
        var error = substitution.Apply(entry.Endpoint, out var endpoint);
        var dataError = substitution.Apply(entry.Data, out var data);
        error ??= dataError;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entry.Params)
        {
            var paramError = substitution.Apply(value, out var substituted);
            error ??= paramError;
            parameters[key] = substituted;
        }

        var path = endpoint.Split('?')[0];
        path = path.StartsWith("/api/v2/", StringComparison.Ordinal) ? path["/api/v2".Length..] : path;
        error ??= path.Trim('/') == "batch" ? ApiError.BadRequest("batch: a batch cannot contain a batch") : null;
        foreach (var pair in endpoint.Contains('?', StringComparison.Ordinal) ? endpoint.Split('?', 2)[1].Split('&') : [])
        {
            var kv = pair.Split('=', 2);
            parameters[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return error is not null
            ? ApiResponse.From(error)
            : context.Router.Dispatch(new ApiRequest(entry.Method, path, parameters, data), context);
    }

    private static JsonObject Entry(BatchEntry entry, int status, JsonObject answer)
    {
        var result = new JsonObject();
        if (entry.Id is not null)
        {
            result["id"] = entry.Id;
        }

        result["result"] = answer["result"]?.DeepClone();
        result["status"] = status;
        foreach (var (key, value) in answer.Where(p => p.Key != "result").ToList())
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static ApiResponse Finish(SqliteDatabase database, BatchBody body, List<JsonObject> responses, string? abortMessage)
    {
        if (abortMessage is not null)
        {
            database.RollbackTo("batch");
            foreach (var done in responses.Where(r => r["result"]?.GetValue<string>() == "success"))
            {
                done["reverted"] = true;
            }

            foreach (var skipped in body.Requests.Skip(responses.Count))
            {
                responses.Add(Entry(skipped, 424, new JsonObject
                {
                    ["result"] = "error", ["message"] = "not executed: the atomic batch was aborted",
                }));
            }
        }
        else
        {
            database.Release("batch");
        }

        var success = responses.All(r => r["result"]?.GetValue<string>() == "success");
        var result = new JsonObject { ["result"] = success ? "success" : "error" };
        if (abortMessage is not null)
        {
            result["message"] = abortMessage;
        }

        result["responses"] = new JsonArray(responses.ToArray<JsonNode?>());
        return new ApiResponse(200, result);
    }
}
