using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>What a model rule sees: the object as it would be stored, what the request changed, and the store.</summary>
internal sealed record RuleContext(
    JsonObject Merged,
    IReadOnlySet<string> Changed,
    StoredObject? Existing,
    IReadOnlySet<string> SecretsGiven,
    bool SecretAlreadySet,
    IObjectLookup Lookup,
    FudoCompatibility Compatibility)
{
    public bool IsCreate => Existing is null;

    public string? Text(string attribute) =>
        Merged[attribute] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool Flag(string attribute) =>
        Merged[attribute] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public bool IsSet(string attribute) => Merged[attribute] is not null;
}
