using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Api;

/// <summary>
/// One API v2 request, from HTTP or from inside a batch: method, path below <c>/api/v2</c> (e.g. <c>/safe/12</c>),
/// URL parameters and parsed body. Override of ToString keeps the body (it may hold secrets) out of any printout.
/// </summary>
internal sealed record ApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, JsonNode? Body)
{
    public bool IsWrite => Method is "POST" or "PATCH" or "DELETE";

    public string? Param(string name) => Query.GetValueOrDefault(name);

    public override string ToString() => $"{Method} {Path}";
}
