namespace PamOperator.Core.Schema;

/// <summary>
/// A vendor-qualified object type: the kind's API group and the vendor's wire type (<c>fudo.pamoperator.io/safe</c>).
/// Two vendors may both have a <c>safe</c>; their objects never meet, because every identity in live state, plans,
/// prune, the applier and saved plans is (<see cref="ObjectType"/>, natural key). Compared ordinally.
/// </summary>
/// <param name="Group">The vendor kinds' API group, e.g. <c>fudo.pamoperator.io</c>.</param>
/// <param name="WireType">The vendor's object type on the wire, e.g. <c>safe</c>, <c>user_safe</c>.</param>
public readonly record struct ObjectType(string Group, string WireType) : IComparable<ObjectType>
{
    public int CompareTo(ObjectType other)
    {
        var byGroup = string.CompareOrdinal(Group, other.Group);
        return byGroup != 0 ? byGroup : string.CompareOrdinal(WireType, other.WireType);
    }

    public override string ToString() => $"{Group}/{WireType}";
}
