using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>A request body checked attribute by attribute: stored forms, and secrets kept apart (never echoed).</summary>
internal sealed class ParsedInput
{
    public Dictionary<string, JsonNode?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Overrides this printout so a secret can never reach a log or an exception message.</summary>
    public override string ToString() =>
        $"{Values.Count} attribute(s): {string.Join(", ", Values.Keys)}; {Secrets.Count} secret(s)";
}
