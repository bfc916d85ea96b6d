using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>Conversions between CLR scalars (model defaults, fixture values) and JSON.</summary>
internal static class JsonValues
{
    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long n => JsonValue.Create(n),
        int n => JsonValue.Create((long)n),
        string s => JsonValue.Create(s),
        JsonNode node => node.DeepClone(),
        _ => throw new ArgumentException($"unsupported scalar {value.GetType().Name}", nameof(value)),
    };
}
