using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>Phase 8: the mass-delete guard. A plan that deletes (or replaces) more objects than allowed is refused,
/// naming them (the first <see cref="MaxListed"/>).</summary>
internal static class DeleteGuard
{
    private const int MaxListed = 20;

    public static void Run(PlanContext context)
    {
        if (context.Request.Options.MaxDeletes is not { } max)
        {
            return;
        }

        var destructive = context.Changes.Values.Where(c => c.Action is PlanAction.Delete or PlanAction.Replace)
            .OrderBy(c => c.Address.ToString(), StringComparer.Ordinal).ToList();
        if (destructive.Count <= max)
        {
            return;
        }

        var deletes = destructive.Count(c => c.Action == PlanAction.Delete);
        var replaces = destructive.Count - deletes;
        var listed = string.Join(", ", destructive.Take(MaxListed).Select(c => $"{c.Address} ({(c.Action == PlanAction.Delete ? "destroyed" : "replaced")})"));
        var more = destructive.Count > MaxListed ? $" and {destructive.Count - MaxListed} more" : "";
        context.Diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.MaxDeletesExceeded,
            $"the plan deletes {destructive.Count} objects ({deletes} destroyed, {replaces} replaced); the limit is {max}",
            $"They are: {listed}{more}. Nothing will be applied. Check the manifests and the prune scope. If these deletions are "
            + $"intended, run again with --max-deletes {destructive.Count} (or set spec.prune.maxDeletes: {destructive.Count} in the ProviderConfig)."));
    }
}
