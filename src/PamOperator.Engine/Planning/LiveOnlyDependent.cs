using PamOperator.Core.Schema;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// An undeclared live object whose dependency is replaced: it is recreated from its own live spec, unless it is
/// builtin or hidden (never touched) or holds a write-only secret (cannot be read back, so cannot be recreated).
/// </summary>
internal static class LiveOnlyDependent
{
    public static ResourceChange? Replace(
        PlanContext context, (ObjectType Type, string Key) id, ResourceChange? existing, ResourceChange replaced)
    {
        var live = context.Live.Find(id.Type, id.Key);
        if (live is null || !context.KindsByType.TryGetValue(id.Type, out var kind))
        {
            return null;
        }

        var address = existing?.Address ?? context.LiveOnlyAddress(kind, live.Key);
        var reason = ChangeReasons.DependencyReplaced(replaced.Address.ToString());
        var blocker = live.Builtin ? "it is builtin"
            : live.Hidden ? "it is hidden"
            : SecretFields.KindHasSecrets(kind.Fields) ? "its secret is write-only and cannot be read back to recreate it"
            : null;
        if (blocker is not null)
        {
            context.Diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.DependentCannotBeRecreated,
                $"{address} references {replaced.Address}, which is replaced, and cannot be recreated: {blocker}",
                $"Replacing {replaced.Address} gives it a new id. Declare {address} in the manifests (with its secret "
                + "reference), or revert the change that forces the replacement.",
                replaced.Location,
                replaced.Address.ToString()));
            return null;
        }

        var change = context.ForLive(address, kind, live, PlanAction.Replace, reason);
        return change with { After = change.Before!.DeepClone().AsObject(), Location = existing?.Location };
    }
}
