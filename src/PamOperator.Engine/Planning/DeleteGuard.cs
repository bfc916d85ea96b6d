using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>Phase 8: the mass-delete guard. A plan that deletes (or replaces) more objects than allowed is refused.</summary>
internal static class DeleteGuard
{
    public static void Run(PlanContext context)
    {
        if (context.Request.Options.MaxDeletes is not { } max)
        {
            return;
        }

        var deletes = context.Changes.Values.Count(c => c.Action == PlanAction.Delete);
        var replaces = context.Changes.Values.Count(c => c.Action == PlanAction.Replace);
        if (deletes + replaces <= max)
        {
            return;
        }

        context.Diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.MaxDeletesExceeded,
            $"the plan deletes {deletes + replaces} objects ({deletes} destroyed, {replaces} replaced); the limit is {max}",
            $"Nothing will be applied. Check the manifests and the prune scope. If these deletions are intended, "
            + $"run again with --max-deletes {deletes + replaces} (or set maxDeletes in the ProviderConfig)."));
    }
}
