using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 4 (opt-in): plan the deletion of live objects of managed kinds that no manifest declares, when the ownership
/// scope matches them. Builtin and hidden objects, and objects already handled (declared, removed/orphaned), are
/// never pruned.
/// </summary>
internal static class PrunePlanner
{
    public static void Run(PlanContext context)
    {
        if (!context.Request.Options.Prune)
        {
            return;
        }

        var scope = ScopeMatcher.Compile(context.Request.Options.EffectiveScope, context.Diagnostics);
        if (scope.IsEmpty)
        {
            context.Diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.PruneScopeEmpty,
                "prune is enabled but the ownership scope selects nothing; nothing will be pruned",
                "Set prune.scope in the ProviderConfig (kinds with a namePrefix or nameRegex), or pass "
                + "--prune-name-prefix, to say which undeclared objects this source owns."));
            return;
        }

        foreach (var kind in context.KindsByType.Values.Where(k => k.Capability != Core.Schema.KindCapability.ObserveOnly))
        {
            foreach (var live in context.Live.OfType(kind.Type))
            {
                var id = PlanContext.IdOf(live);
                if (live.Builtin || live.Hidden || context.Changes.ContainsKey(id) || !scope.Matches(kind, live))
                {
                    continue;
                }

                context.Changes[id] = context.ForLive(
                    context.LiveOnlyAddress(kind, live.Key), kind, live, PlanAction.Delete, ChangeReasons.Pruned);
            }
        }
    }
}
