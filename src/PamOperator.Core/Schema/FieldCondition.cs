using System.Text.Json.Nodes;

namespace PamOperator.Core.Schema;

/// <summary>
/// "Sibling field <see cref="Field"/> holds one of <see cref="Values"/>" (strings compared exactly), e.g. an account's
/// <c>type</c> in [regular]. Evaluated against the object that holds the conditioned field.
/// </summary>
public sealed record FieldCondition(string Field, IReadOnlyList<string> Values)
{
    /// <summary>True when <paramref name="spec"/> has <see cref="Field"/> set to one of <see cref="Values"/>; false for
    /// a missing spec or field.</summary>
    public bool IsMetBy(JsonObject? spec) =>
        spec?[Field] is JsonValue v && v.TryGetValue<string>(out var s) && Values.Contains(s, StringComparer.Ordinal);

    public override string ToString() => $"{Field} in [{string.Join(", ", Values)}]";
}
