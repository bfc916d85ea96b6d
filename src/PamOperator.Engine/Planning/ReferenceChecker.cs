using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 6: every reference of every declared object must name a declared object (a dependency edge) or a live one
/// that the plan does not delete.
/// </summary>
internal static class ReferenceChecker
{
    public static void Run(PlanContext context)
    {
        foreach (var m in context.Declared.Values.Where(m => context.HasReferences(m.Kind)))
        {
            foreach (var reference in ReferenceValue.In(m.Kind, m.Spec))
            {
                Check(context, m, reference);
            }
        }
    }

    private static void Check(PlanContext context, ManifestObject m, ReferenceValue reference)
    {
        var id = (reference.Type, reference.Target);
        if (context.Declared.ContainsKey(id))
        {
            return;
        }

        var location = m.LocationOf("spec." + reference.Path);
        var live = context.Live.Find(reference.Type, reference.Target);
        if (live is null)
        {
            context.Diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.UnresolvedReference,
                $"spec.{reference.Path}: {reference.Type.WireType} \"{reference.Target}\" does not exist",
                $"No manifest declares a {reference.Type.WireType} named \"{reference.Target}\" and the PAM has none. "
                + "Declare it, create it in the PAM, or correct the name (names compare case-insensitively).",
                location,
                m.Address.ToString()));
        }
        else if (context.Changes.TryGetValue(PlanContext.IdOf(live), out var change) && change.Action == PlanAction.Delete)
        {
            context.Diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ReferenceToDeletedObject,
                $"spec.{reference.Path}: {reference.Type.WireType} \"{reference.Target}\" is deleted by this plan",
                $"{change.Address} is planned for deletion ({change.Reason}) but {m.Address} still references it. "
                + "Declare it again, narrow the prune scope, or change the reference.",
                location,
                m.Address.ToString()));
        }
    }
}
