using System.Text.Json.Nodes;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// A successful Fudo envelope <c>{"result":"success","&lt;type&gt;": ...}</c>. The payload is the one member beside
/// <c>result</c>, whatever the type name. Anything else (no envelope, another result, an id not in Fudo's format) is
/// refused by <see cref="FromBody"/> as an untrusted answer.
/// </summary>
internal sealed record FudoResponse(JsonNode? Payload)
{
    public static FudoResponse FromBody(JsonNode? body, string where)
    {
        if (body is not JsonObject envelope || envelope["result"] is not JsonValue result || result.ToString() != "success")
        {
            throw UntrustedAnswer.Because(where, "no success envelope (\"result\":\"success\" is missing)");
        }

        var payload = envelope.FirstOrDefault(p => p.Key != "result").Value;
        if (payload is JsonObject o && o.ContainsKey("id") && !FudoIds.IsValid(o["id"]?.ToString()))
        {
            throw UntrustedAnswer.Because(where, "the object's id is not a Fudo id");
        }

        return new FudoResponse(payload);
    }

    public JsonArray Items => Payload as JsonArray ?? [];

    /// <summary>The <c>id</c> a create returned (checked to be a Fudo id), or null.</summary>
    public string? CreatedId => (Payload as JsonObject)?["id"]?.ToString();
}
