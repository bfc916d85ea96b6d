using PamOperator.Core.Schema;
using PamOperator.Engine.Fingerprints;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Who references whom: (referenced wire type, PAM name) to the identities of the declared objects (desired spec) and
/// live objects of managed kinds (live spec) that reference it. Built once, in one pass, only when a plan replaces.
/// </summary>
internal sealed class ReverseReferenceIndex
{
    private readonly Dictionary<(ObjectType Type, string Key), HashSet<(ObjectType Type, string Key)>> _index = new(ObjectIdComparer.Instance);

    public ReverseReferenceIndex(PlanContext context)
    {
        foreach (var kind in context.KindsByType.Values.Where(k => ReferenceValue.KindHasReferences(k.Fields)))
        {
            foreach (var live in context.Live.OfType(kind.Type))
            {
                foreach (var r in ReferenceValue.In(kind, live.Spec))
                {
                    Add((r.Type, r.Target), PlanContext.IdOf(live));
                }
            }
        }

        foreach (var m in context.Declared.Values)
        {
            foreach (var r in ReferenceValue.In(m.Kind, m.Spec))
            {
                Add((r.Type, r.Target), PlanContext.IdOf(m));
            }
        }
    }

    /// <summary>Referrers sorted by type then key, so that the plan does not depend on hash order.</summary>
    public IEnumerable<(ObjectType Type, string Key)> Of(ObjectType type, string name) =>
        _index.TryGetValue((type, name), out var ids)
            ? ids.OrderBy(i => i.Type).ThenBy(i => i.Key, StringComparer.OrdinalIgnoreCase)
            : [];

    private void Add((ObjectType Type, string Key) target, (ObjectType Type, string Key) referrer)
    {
        if (!_index.TryGetValue(target, out var set))
        {
            set = new HashSet<(ObjectType Type, string Key)>(ObjectIdComparer.Instance);
            _index[target] = set;
        }

        set.Add(referrer);
    }
}
