using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Which wire types to observe before planning: as few list calls as the plan needs, and no fewer.
/// </summary>
public static class ObservationScope
{
    /// <summary>
    /// The wire types to pass to <c>ILiveStateReader.ObserveAsync</c> for this desired set: the declared (and removed)
    /// kinds' wire types; every wire type they can reference (to resolve references); with
    /// <paramref name="prune"/>, every managed kind's wire type; and, transitively, every managed kind that can
    /// reference an observed type that may be replaced (a kind with an immutable field, or such a dependent), because
    /// a replacement recreates its live dependents, which must therefore be seen. Sorted, pure.
    /// </summary>
    public static IReadOnlyList<ObjectType> For(
        IEnumerable<ManifestObject> desired, IReadOnlyList<KindDescriptor> kinds, bool prune, IEnumerable<ManifestObject>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var declaredKinds = desired.Concat(removed ?? []).Select(m => m.Kind).Concat(prune ? kinds : [])
            .Distinct(ReferenceEqualityComparer.Instance).Cast<KindDescriptor>().ToList();
        var types = new HashSet<ObjectType>(declaredKinds.Select(k => k.Type));
        types.UnionWith(declaredKinds.SelectMany(ReferenceValue.TargetTypes));
        types.UnionWith(declaredKinds.Where(k => k.Selection is not null).Select(k => new ObjectType(k.Group, k.Selection!.SelectsWireType)));

        var replaceable = new HashSet<ObjectType>();
        bool grew;
        do
        {
            grew = false;
            foreach (var kind in kinds.Where(k => !replaceable.Contains(k.Type)))
            {
                var referencesReplaceable = ReferenceValue.TargetTypes(kind).Any(replaceable.Contains);
                var mayBeReplaced = (types.Contains(kind.Type) && (HasImmutable(kind.Fields) || kind.Capability == KindCapability.Lifecycle))
                    || referencesReplaceable;
                if (mayBeReplaced)
                {
                    replaceable.Add(kind.Type);
                    types.Add(kind.Type);
                    grew = true;
                }
            }
        }
        while (grew);

        return [.. types.Order()];
    }

    private static bool HasImmutable(IReadOnlyList<FieldDescriptor> fields) =>
        fields.Any(f => f.Immutable || HasImmutable(f.Fields));
}
