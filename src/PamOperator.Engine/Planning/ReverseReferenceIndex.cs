using PamOperator.Engine.Fingerprints;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Who references whom: (referenced wire type, PAM name) to the identities of the declared objects (desired spec) and
/// live objects of managed kinds (live spec) that reference it. Built once, in one pass, only when a plan replaces.
/// </summary>
internal sealed class ReverseReferenceIndex
{
    private readonly Dictionary<(string WireType, string Key), HashSet<(string WireType, string Key)>> _index = new(ObjectIdComparer.Instance);

    public ReverseReferenceIndex(PlanContext context)
    {
        foreach (var kind in context.KindsByWireType.Values.Where(k => ReferenceValue.KindHasReferences(k.Fields)))
        {
            foreach (var live in context.Live.OfType(kind.WireType))
            {
                foreach (var r in ReferenceValue.In(kind.Fields, live.Spec))
                {
                    Add((r.WireType, r.Target), PlanContext.IdOf(live));
                }
            }
        }

        foreach (var m in context.Declared.Values)
        {
            foreach (var r in ReferenceValue.In(m.Kind.Fields, m.Spec))
            {
                Add((r.WireType, r.Target), PlanContext.IdOf(m));
            }
        }
    }

    /// <summary>Referrers sorted by type then key, so that the plan does not depend on hash order.</summary>
    public IEnumerable<(string WireType, string Key)> Of(string wireType, string name) =>
        _index.TryGetValue((wireType, name), out var ids)
            ? ids.OrderBy(i => i.WireType, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.OrdinalIgnoreCase)
            : [];

    private void Add((string WireType, string Key) target, (string WireType, string Key) referrer)
    {
        if (!_index.TryGetValue(target, out var set))
        {
            set = new HashSet<(string WireType, string Key)>(ObjectIdComparer.Instance);
            _index[target] = set;
        }

        set.Add(referrer);
    }
}
