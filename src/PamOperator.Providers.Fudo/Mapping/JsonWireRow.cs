using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>A <see cref="JsonObject"/> seen as a wire row (scalars only; objects and arrays read as absent).</summary>
internal sealed class JsonWireRow(JsonObject wire) : IWireRow
{
    public bool TryGet(string wireName, out WireValue value)
    {
        value = wire[wireName] switch
        {
            null => WireValue.Null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => new WireValue(JsonValueKind.String, v.GetValue<string>()),
            JsonValue v => new WireValue(v.GetValueKind(), v.ToJsonString()),
            _ => default,
        };
        return wire.ContainsKey(wireName) && value.Kind != JsonValueKind.Undefined;
    }
}
