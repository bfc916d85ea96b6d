using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Api;

/// <summary>An answer of the simulated API: status and JSON body (errors in <see cref="SpsErrors"/>'s layout).</summary>
internal sealed record ApiResult(int Status, JsonNode Body)
{
    public static ApiResult Ok(JsonNode body) => new(200, body);
}
