using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>URL parameter checks: parameters a request does not take are 400, so client typos surface.</summary>
internal static class Params
{
    public static ApiError? Only(ApiRequest request, params string[] allowed)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal));
        return unknown is null
            ? null
            : ApiError.BadRequest($"unknown URL parameter '{unknown}' for {request.Method} {request.Path}");
    }

    public static ApiError? Body(ApiRequest request, out System.Text.Json.Nodes.JsonObject body)
    {
        body = request.Body as System.Text.Json.Nodes.JsonObject ?? [];
        return request.Body is System.Text.Json.Nodes.JsonObject
            ? null
            : ApiError.BadRequest(request.Body is null ? "a JSON object body is required" : "the body must be a JSON object");
    }
}
