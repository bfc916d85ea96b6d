namespace PamOperator.Core.Schema;

/// <summary>
/// How a <see cref="KindCapability.Selector"/> kind selects live objects and what it declares for each.
/// </summary>
/// <param name="SelectsWireType">The wire type of the selected objects (same vendor), e.g. <c>connection</c>.</param>
/// <param name="SelectorField">The spec field (an object) whose members filter the selected objects: each member set
/// in the manifest must equal the selected object's spec member of the same name (strings compared
/// case-insensitively); an empty selector selects every object.</param>
/// <param name="CarriedField">A string-list field present in both the manifest's spec and the selected objects' spec:
/// every selected object must carry all the manifest's values (others it has are left alone).</param>
public sealed record Selection(string SelectsWireType, string SelectorField, string CarriedField);
