using PamOperator.Core.Schema;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 5: a replaced object is deleted and created again with a new id, so every object that references it by PAM
/// name (declared or live, through a reference field naming its wire type) is replaced too, transitively. Objects
/// already created or deleted by the plan are left as they are.
/// </summary>
internal static class ReplaceChain
{
    public static void Run(PlanContext context)
    {
        var queue = new Queue<ResourceChange>(context.Changes.Values.Where(c => c.Action == PlanAction.Replace));
        if (queue.Count == 0)
        {
            return;
        }

        var referrers = new ReverseReferenceIndex(context);
        while (queue.TryDequeue(out var replaced))
        {
            if (!context.KindsByType.TryGetValue(replaced.Type, out var kind) || !kind.IsNamed)
            {
                continue;
            }

            foreach (var id in referrers.Of(replaced.Type, replaced.Key))
            {
                context.Changes.TryGetValue(id, out var existing);
                if (existing is { Action: PlanAction.Create or PlanAction.Delete or PlanAction.Replace } or { ExternalId: null })
                {
                    continue; // already recreated or gone, or not in the PAM yet (created after its dependency)
                }

                var next = context.Declared.TryGetValue(id, out var m) && existing is not null && !IsProtected(context, id)
                    ? ReplaceDeclared(context, m, existing, replaced)
                    : LiveOnlyDependent.Replace(context, id, existing, replaced);
                if (next is null)
                {
                    continue;
                }

                context.Changes[id] = next;
                if (next.Action == PlanAction.Replace)
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    private static bool IsProtected(PlanContext context, (ObjectType Type, string Key) id) =>
        context.Live.Find(id.Type, id.Key) is { } live && (live.Builtin || live.Hidden);

    private static ResourceChange ReplaceDeclared(PlanContext context, ManifestObject m, ResourceChange existing, ResourceChange replaced)
    {
        var reason = ChangeReasons.DependencyReplaced(replaced.Address.ToString());
        var secrets = SecretFields.Of(m.Kind.Fields, m.Spec);
        var change = existing with
        {
            After = SpecNormalizer.Desired(m.Kind.Fields, m.Spec),
            FieldChanges = [.. existing.FieldChanges.Where(c => !c.Sensitive), .. secrets.Select(s => new FieldChange(s.Path, null, null, Sensitive: true))],
        };
        var result = DeclaredPlanner.Replace(context, m, change, secrets, reason);
        if (result.Action != PlanAction.Replace && PlanContext.IsObserveOnly(PlanContext.PoliciesOf(m)))
        {
            // Observe-only objects are never changed, yet this one loses its dependency: say so loudly.
            context.Diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ReplaceNotAllowed,
                $"{m.Address} is observe-only but {replaced.Address} it references is replaced",
                "Replacing the dependency gives it a new id; this object would keep pointing at the old one. Allow "
                + "Create, Update and Delete on it, or revert the change that forces the replacement.",
                m.Location,
                m.Address.ToString()));
        }

        return result;
    }
}
