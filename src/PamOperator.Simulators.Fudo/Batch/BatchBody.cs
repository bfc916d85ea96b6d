using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Batch;

/// <summary>
/// The BatchModel: <c>atomic</c>, <c>variables</c>, <c>requests[]</c> of <c>id</c> (chars <c>[a-zA-Z0-9-:_]</c>, unique),
/// <c>method</c>, <c>endpoint</c>, <c>params</c>, <c>data</c>, <c>atomic</c>. Anything else is 400.
/// </summary>
internal sealed partial record BatchBody(bool Atomic, IReadOnlyDictionary<string, string> Variables, IReadOnlyList<BatchEntry> Requests)
{
    private static readonly string[] Methods = ["GET", "POST", "PATCH", "DELETE"];

    public static ApiError? Parse(JsonNode? node, FudoCompatibility compatibility, out BatchBody? body)
    {
        body = null;
        if (node is not JsonObject o)
        {
            return ApiError.BadRequest("batch: the body must be a JSON object");
        }

        var unknown = o.Select(p => p.Key).FirstOrDefault(k => k is not ("atomic" or "variables" or "requests"));
        if (unknown is not null)
        {
            return ApiError.BadRequest($"batch: unknown attribute '{unknown}'");
        }

        if (compatibility.BatchAtomic == BatchAtomicSupport.Rejected
            && (o.ContainsKey("atomic") || (o["requests"] as JsonArray)?.Any(r => r is JsonObject ro && ro.ContainsKey("atomic")) == true))
        {
            return ApiError.BadRequest("batch: atomic is not supported by this version");
        }

        var atomicError = Flag(o["atomic"], "atomic", out var atomic);
        var error = Strings(o["variables"], "variables", out var variables) ?? atomicError;
        if (error is not null)
        {
            return error;
        }

        if (o["requests"] is not JsonArray requests)
        {
            return ApiError.BadRequest("batch: requests must be an array");
        }

        if (requests.Count > compatibility.MaxBatchRequests)
        {
            return ApiError.BadRequest($"batch: at most {compatibility.MaxBatchRequests} requests");
        }

        var entries = new List<BatchEntry>();
        foreach (var request in requests)
        {
            error = Entry(request, entries.Count, out var entry)
                ?? (entry!.Id is { } id && entries.Any(e => e.Id == id) ? ApiError.BadRequest($"batch: request id '{id}' is not unique") : null);
            if (error is not null)
            {
                return error;
            }

            entries.Add(entry!);
        }

        var supported = compatibility.BatchAtomic == BatchAtomicSupport.Supported;
        body = new BatchBody(supported && atomic == true, variables,
            supported ? entries : entries.Select(e => e with { Atomic = null }).ToList());
        return null;
    }

    private static ApiError? Entry(JsonNode? node, int index, out BatchEntry? entry)
    {
        entry = null;
        var where = $"batch: requests[{index}]";
        if (node is not JsonObject o)
        {
            return ApiError.BadRequest($"{where} must be an object");
        }

        var unknown = o.Select(p => p.Key).FirstOrDefault(k => k is not ("id" or "method" or "endpoint" or "params" or "data" or "atomic"));
        var id = o["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String ? idValue.GetValue<string>() : null;
        var method = (o["method"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? o["method"]!.GetValue<string>().ToUpperInvariant() : null;
        var endpoint = (o["endpoint"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? o["endpoint"]!.GetValue<string>() : null;
        var atomicError = Flag(o["atomic"], $"{where}.atomic", out var atomic);
        var paramsError = Strings(o["params"], $"{where}.params", out var parameters);
        var error = unknown is not null ? ApiError.BadRequest($"{where}: unknown attribute '{unknown}'")
            : o.ContainsKey("id") && (id is null || !IdPattern().IsMatch(id)) ? ApiError.BadRequest($"{where}: id must match [a-zA-Z0-9-:_]+")
            : method is null || !Methods.Contains(method) ? ApiError.BadRequest($"{where}: method must be GET, POST, PATCH or DELETE")
            : string.IsNullOrEmpty(endpoint) ? ApiError.BadRequest($"{where}: endpoint is required")
            : atomicError ?? paramsError;
        if (error is null)
        {
            entry = new BatchEntry(id, method!, endpoint!, parameters, o["data"]?.DeepClone(), atomic);
        }

        return error;
    }

    private static ApiError? Flag(JsonNode? node, string name, out bool? value)
    {
        value = node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;
        return node is not null && value is null ? ApiError.BadRequest($"batch: {name} must be a boolean") : null;
    }

    /// <summary>An object of scalars, as strings (numbers keep their digits, so 64-bit ids survive).</summary>
    private static ApiError? Strings(JsonNode? node, string name, out IReadOnlyDictionary<string, string> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        values = result;
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject o)
        {
            return ApiError.BadRequest($"batch: {name} must be an object");
        }

        foreach (var (key, value) in o)
        {
            if (value is not JsonValue v)
            {
                return ApiError.BadRequest($"batch: {name}.{key} must be a string, number or boolean");
            }

            result[key] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z0-9:_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
