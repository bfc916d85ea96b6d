using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common.Hosting;

/// <summary>JSON conventions of the kit's own answers (<c>/_sim</c>): camelCase, unknown members refused, writing.</summary>
public static class SimulatorJson
{
    /// <summary>Web defaults (camelCase), relaxed escaping, and unknown members refused (a typo in a fault setting is a
    /// 400, not silently ignored).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Writes <paramref name="body"/> as <c>application/json</c> with the current status code.</summary>
    public static async Task WriteAsync(HttpContext context, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Options), context.RequestAborted);
    }

    /// <summary>The default <see cref="SimulatorErrorWriter"/>: <c>{"error": message}</c> with the status.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return WriteAsync(context, new JsonObject { ["error"] = message });
    }
}
