using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 2: decide the change of each declared object against its live counterpart (create, update, replace, no-op,
/// or a drift report when managementPolicies forbid the action).
/// </summary>
internal static class DeclaredPlanner
{
    public static void Run(PlanContext context)
    {
        // Selector manifests have no live object of their own: SelectorPlanner plans the objects they select.
        foreach (var m in context.Declared.Values.Where(m => m.Kind.Capability != KindCapability.Selector))
        {
            context.Changes[PlanContext.IdOf(m)] = Decide(context, m);
        }
    }

    /// <summary>The leaf paths of <paramref name="after"/> that <paramref name="declared"/> does not set.</summary>
    private static IReadOnlyList<string> Defaulted(System.Text.Json.Nodes.JsonObject? after, System.Text.Json.Nodes.JsonObject declared) =>
        [.. Views.ValueText.Flatten(after).Select(l => l.Path).Where(path => !IsSet(declared, path))];

    private static bool IsSet(System.Text.Json.Nodes.JsonObject declared, string path)
    {
        System.Text.Json.Nodes.JsonNode? node = declared;
        foreach (var part in path.Split('.'))
        {
            if (node is not System.Text.Json.Nodes.JsonObject o || !o.TryGetPropertyValue(part, out node))
            {
                return false;
            }
        }

        return true;
    }

    private static ResourceChange Decide(PlanContext context, ManifestObject m)
    {
        var kind = m.Kind;
        var key = m.Key;
        var live = context.Live.Find(kind.Type, key);
        var secrets = context.HasSecrets(kind) ? SecretFields.Of(kind.Fields, m.Spec) : [];
        var policies = PlanContext.PoliciesOf(m);
        var before = live is null ? null : SpecNormalizer.Live(kind.Fields, live.Spec);
        var rotate = live is not null && secrets.Count > 0 && SecretRotation.IsDue(m, live, context.Diagnostics);
        var matches = live is { Builtin: false, Hidden: false } && !rotate && SpecComparer.Equal(kind.Fields, m.Spec, before);
        var change = new ResourceChange
        {
            Address = m.Address,
            Type = kind.Type,
            Key = key,
            ExternalId = live?.ExternalId,
            Action = PlanAction.NoOp,
            Before = before,
            // Equal under the diff rules (the common steady state): one normalized copy serves both sides.
            After = matches ? before : SpecNormalizer.Desired(kind.Fields, m.Spec),
            SensitivePaths = secrets.Count == 0 ? [] : [.. secrets.Select(s => s.Path)],
            Location = m.Location,
            Status = live?.Status,
        };
        if (matches)
        {
            return change;
        }

        if (live is null)
        {
            return policies.HasFlag(ManagementPolicies.Create)
                ? change with { Action = PlanAction.Create, Secrets = secrets, DefaultedPaths = Defaulted(change.After, m.Spec) }
                : Drift(change, PlanAction.Create, policies, ChangeReasons.CreateForbidden);
        }

        if (live.Builtin || live.Hidden)
        {
            return BuiltinGuard.Decide(context, m, live, change);
        }

        var fieldChanges = FieldDiffer.Diff(kind.Fields, change.Before!, change.After!);
        if (kind.Capability == KindCapability.Lifecycle)
        {
            // Created once, then only tracked: the PAM takes no update, so any change is a new object.
            fieldChanges = [.. fieldChanges.Select(c => c with { ForcesReplacement = true })];
        }

        var replacePaths = fieldChanges.Where(c => c.ForcesReplacement).Select(c => c.Path).ToList();
        if (replacePaths.Count > 0)
        {
            fieldChanges.AddRange(secrets.Select(s => new FieldChange(s.Path, null, null, Sensitive: true)));
            change = change with { FieldChanges = fieldChanges, ReplacePaths = replacePaths };
            var why = kind.Capability == KindCapability.Lifecycle ? ChangeReasons.LifecycleChanged(replacePaths[0]) : ChangeReasons.ForcedBy(replacePaths[0]);
            return Replace(context, m, change, secrets, why);
        }

        if (fieldChanges.Count == 0 && !rotate)
        {
            return change;
        }

        if (!policies.HasFlag(ManagementPolicies.Update))
        {
            return fieldChanges.Count == 0
                ? change
                : Drift(change with { FieldChanges = fieldChanges }, PlanAction.Update, policies, ChangeReasons.UpdateForbidden);
        }

        if (rotate)
        {
            fieldChanges.AddRange(secrets.Select(s => new FieldChange(s.Path, null, null, Sensitive: true)));
        }

        return change with
        {
            Action = PlanAction.Update,
            FieldChanges = fieldChanges,
            Secrets = rotate ? secrets : [],
            Reason = rotate && fieldChanges.All(c => c.Sensitive) ? ChangeReasons.SecretRotation : null,
        };
    }

    /// <summary>A replacement, if policies allow deleting and creating; otherwise a drift report (plus an error when
    /// the object is otherwise managed, because the declared state cannot be reached).</summary>
    internal static ResourceChange Replace(
        PlanContext context, ManifestObject m, ResourceChange change, IReadOnlyList<SecretWrite> secrets, string reason)
    {
        var policies = PlanContext.PoliciesOf(m);
        const ManagementPolicies needed = ManagementPolicies.Create | ManagementPolicies.Update | ManagementPolicies.Delete;
        if ((policies & needed) == needed)
        {
            return change with { Action = PlanAction.Replace, DriftAction = null, Secrets = secrets, Reason = reason };
        }

        if (!PlanContext.IsObserveOnly(policies))
        {
            context.Diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ReplaceNotAllowed,
                $"{m.Address} must be replaced ({reason}), but its managementPolicies forbid it",
                "A replacement deletes the PAM object and creates it again, which needs Create, Update and Delete. "
                + "Add them to managementPolicies, or revert the change that forces the replacement.",
                m.Location,
                m.Address.ToString()));
        }

        return Drift(change, PlanAction.Replace, policies, ChangeReasons.ReplaceForbidden + " (" + reason + ")");
    }

    internal static ResourceChange Drift(ResourceChange change, PlanAction wouldBe, ManagementPolicies policies, string reason) =>
        change with
        {
            Action = PlanAction.NoOp,
            DriftAction = wouldBe,
            Secrets = [],
            Reason = PlanContext.IsObserveOnly(policies) ? ChangeReasons.ObserveOnly : reason,
        };
}
