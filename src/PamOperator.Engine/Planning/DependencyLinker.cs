using PamOperator.Core.Schema;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Graph;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 7: fill <see cref="Plans.ResourceChange.Dependencies"/> (the changes whose objects each change references,
/// in its desired or live spec) and report cycles among declared objects by name.
/// </summary>
internal static class DependencyLinker
{
    public static void Run(PlanContext context)
    {
        var referencing = context.Changes
            .Where(p => context.KindsByType.TryGetValue(p.Value.Type, out var k) && context.HasReferences(k))
            .ToList();
        if (referencing.Count == 0)
        {
            return;
        }

        var addresses = new Dictionary<(ObjectType Type, string Key), string>(ObjectIdComparer.Instance);
        foreach (var (id, change) in context.Changes)
        {
            addresses[id] = change.Address.ToString();
        }

        var declaredGraph = new DependencyGraph<string>(a => a, LocationOf(context));
        var linked = new List<((ObjectType Type, string Key) Id, string[] Dependencies)>();
        foreach (var (id, change) in referencing)
        {
            var kind = context.KindsByType[change.Type];
            var self = addresses[id];
            var dependencies = ReferenceValue.In(kind, change.After).Concat(ReferenceValue.In(kind, change.Before))
                .Select(r => addresses.GetValueOrDefault((r.Type, r.Target)))
                .OfType<string>()
                .Where(target => target != self)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (dependencies.Length > 0)
            {
                linked.Add((id, dependencies));
            }

            // Only declared-to-declared references can form a cycle the user must break.
            if (context.Declared.TryGetValue(id, out var m))
            {
                foreach (var r in ReferenceValue.In(kind, m.Spec))
                {
                    if (context.Declared.ContainsKey((r.Type, r.Target)) && addresses[(r.Type, r.Target)] is var target && target != self)
                    {
                        declaredGraph.AddEdge(self, target);
                    }
                }
            }
        }

        foreach (var (id, dependencies) in linked)
        {
            context.Changes[id] = context.Changes[id] with { Dependencies = dependencies };
        }

        context.Diagnostics.AddRange(declaredGraph.FindCycles());
    }

    /// <summary>Locations by address, built only if a cycle needs one.</summary>
    private static Func<string, SourceLocation?> LocationOf(PlanContext context)
    {
        var locations = new Lazy<Dictionary<string, SourceLocation>>(() =>
        {
            var byAddress = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var m in context.Declared.Values)
            {
                byAddress.TryAdd(m.Address.ToString(), m.Location);
            }

            return byAddress;
        });
        return address => locations.Value.GetValueOrDefault(address);
    }
}
