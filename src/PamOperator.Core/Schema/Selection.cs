using System.Text.Json.Nodes;

namespace PamOperator.Core.Schema;

/// <summary>
/// How a <see cref="KindCapability.Selector"/> kind selects live objects and what it declares for each.
/// </summary>
/// <param name="SelectsWireType">The wire type of the selected objects (same vendor), e.g. <c>connection</c>.</param>
/// <param name="SelectorField">The spec field (an object) that says which objects are selected. Without
/// <see cref="Matches"/>: each member set in the manifest must equal the selected object's spec member of the same name
/// (strings compared case-insensitively); an empty selector selects every object.</param>
/// <param name="CarriedField">The manifest's spec field holding what every selected object must carry: a string list, or
/// a single string (one value).</param>
/// <param name="SelectedField">The selected objects' string-list field that carries the values; null = the same name as
/// <paramref name="CarriedField"/>.</param>
/// <param name="OwnersField">Null: values are only ever added (values an object has beyond the declared ones are left
/// alone, and stay when the manifest goes away). Set: the selected objects' spec field where the vendor records which
/// selector manifest added which value, as <c>{"manifest-name": ["value", ...]}</c>; the vendor's reader fills it from
/// state the PAM holds and its writer persists it, so every client of the PAM sees the same record. The planner then
/// also removes a value that a manifest of this kind added and no longer wants (the object left the selection, the
/// carried values changed, the manifest was removed with <c>deletionPolicy: Delete</c>, or it is undeclared and inside
/// the prune scope), unless another manifest still owns it; a value it did not add (made by hand, or already present
/// when first selected) is never removed.</param>
/// <param name="Matches">The vendor's selection semantics (selector object, selected object's live spec) when plain
/// member equality is not enough (lists of alternatives, substrings, time ranges); null = member equality.</param>
public sealed record Selection(
    string SelectsWireType,
    string SelectorField,
    string CarriedField,
    string? SelectedField = null,
    string? OwnersField = null,
    Func<JsonObject, JsonObject, bool>? Matches = null)
{
    /// <summary>The selected objects' field that carries the values.</summary>
    public string TargetField => SelectedField ?? CarriedField;
}
