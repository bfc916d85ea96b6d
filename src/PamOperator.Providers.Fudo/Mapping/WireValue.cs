using System.Text.Json;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>One scalar attribute as the PAM sent it: its JSON kind and its text (the unescaped string, the number's
/// raw text, <c>true</c>/<c>false</c>; null for JSON null). Objects and arrays are never kept.</summary>
internal readonly record struct WireValue(JsonValueKind Kind, string? Text)
{
    public static WireValue Null { get; } = new(JsonValueKind.Null, null);

    public bool IsNull => Kind is JsonValueKind.Null or JsonValueKind.Undefined;
}
