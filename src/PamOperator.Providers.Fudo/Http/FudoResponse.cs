using System.Text.Json.Nodes;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// A successful Fudo envelope <c>{"result":"success","&lt;type&gt;": ...}</c>. The payload is the one member beside
/// <c>result</c>, whatever the type name: list endpoints and batch use names the documentation does not fix.
/// </summary>
internal sealed record FudoResponse(JsonNode? Payload)
{
    public static FudoResponse FromBody(JsonNode? body)
    {
        if (body is not JsonObject envelope)
        {
            return new FudoResponse(Payload: null);
        }

        foreach (var (key, value) in envelope)
        {
            if (key != "result")
            {
                return new FudoResponse(value);
            }
        }

        return new FudoResponse(Payload: null);
    }

    public JsonArray Items => Payload as JsonArray ?? [];

    /// <summary>The <c>id</c> a create returned, or null.</summary>
    public string? CreatedId => (Payload as JsonObject)?["id"]?.ToString();
}
