using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// A declared object whose live counterpart is builtin or hidden: it is never modified. Observe-only manifests get a
/// drift report; any other is an error (the manifest claims to manage what cannot be managed).
/// </summary>
internal static class BuiltinGuard
{
    public static ResourceChange Decide(PlanContext context, ManifestObject m, LiveObject live, ResourceChange change)
    {
        var fieldChanges = FieldDiffer.Diff(m.Kind.Fields, change.Before!, change.After!);
        if (PlanContext.IsObserveOnly(PlanContext.PoliciesOf(m)))
        {
            return fieldChanges.Count == 0
                ? change
                : DeclaredPlanner.Drift(change with { FieldChanges = fieldChanges }, PlanAction.Update, PlanContext.PoliciesOf(m), ChangeReasons.ObserveOnly);
        }

        var what = live.Builtin ? "builtin (shipped with the PAM)" : "hidden in the PAM";
        context.Diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.BuiltinObjectDeclared,
            $"{m.Address} names a PAM object that is {what}",
            "Builtin and hidden objects are never modified or deleted. Remove the manifest (a reference by name needs "
            + "no declaration), or set managementPolicies to [Observe] to report its drift only.",
            m.Location,
            m.Address.ToString()));
        return change;
    }
}
