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
    public static IReadOnlyList<string> For(
        IEnumerable<ManifestObject> desired, IReadOnlyList<KindDescriptor> kinds, bool prune, IEnumerable<ManifestObject>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var declaredKinds = desired.Concat(removed ?? []).Select(m => m.Kind).Concat(prune ? kinds : [])
            .Distinct(ReferenceEqualityComparer.Instance).Cast<KindDescriptor>().ToList();
        var types = new HashSet<string>(declaredKinds.Select(k => k.WireType), StringComparer.Ordinal);
        types.UnionWith(declaredKinds.SelectMany(k => ReferenceValue.TargetTypes(k.Fields)));

        var replaceable = new HashSet<string>(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var kind in kinds.Where(k => !replaceable.Contains(k.WireType)))
            {
                var referencesReplaceable = ReferenceValue.TargetTypes(kind.Fields).Any(replaceable.Contains);
                var mayBeReplaced = (types.Contains(kind.WireType) && HasImmutable(kind.Fields)) || referencesReplaceable;
                if (mayBeReplaced)
                {
                    replaceable.Add(kind.WireType);
                    types.Add(kind.WireType);
                    grew = true;
                }
            }
        }
        while (grew);

        return [.. types.Order(StringComparer.Ordinal)];
    }

    private static bool HasImmutable(IReadOnlyList<FieldDescriptor> fields) =>
        fields.Any(f => f.Immutable || HasImmutable(f.Fields));
}
