using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>An HTTP answer: status, raw text, headers, and the body parsed as a JSON object.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public int Code => (int)Status;

    public override string ToString() => $"{Code} {Text}";
}
