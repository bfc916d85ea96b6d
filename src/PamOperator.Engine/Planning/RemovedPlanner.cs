using PamOperator.Core.Manifests;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 3: manifests known to be removed (the operator's deleted custom resources). Each live counterpart is deleted
/// (deletionPolicy Delete) or kept and reported (Orphan); builtin, hidden, still-declared and absent objects are left
/// alone.
/// </summary>
internal static class RemovedPlanner
{
    public static void Run(PlanContext context)
    {
        foreach (var m in context.Request.Removed)
        {
            var id = PlanContext.IdOf(m);
            var live = context.Live.Find(m.Kind.Type, m.Key);
            if (live is null || live.Builtin || live.Hidden || context.Declared.ContainsKey(id) || context.Changes.ContainsKey(id))
            {
                continue;
            }

            var change = context.ForLive(m.Address, m.Kind, live, PlanAction.NoOp, ChangeReasons.Orphaned) with { Location = m.Location };
            if (m.Control.DeletionPolicy == DeletionPolicy.Delete)
            {
                change = PlanContext.PoliciesOf(m).HasFlag(ManagementPolicies.Delete)
                    ? change with { Action = PlanAction.Delete, Reason = ChangeReasons.Removed }
                    : change with { DriftAction = PlanAction.Delete, Reason = ChangeReasons.DeleteForbidden };
            }

            context.Changes[id] = change;
        }
    }
}
