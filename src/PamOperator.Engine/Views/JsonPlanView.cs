using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>
/// The plan as machine-readable JSON shaped like Terraform's <c>show -json</c> (format_version 1.2):
/// <c>resource_changes[]</c> with <c>change.actions</c>, <c>before</c>/<c>after</c> (secret fields removed),
/// <c>before_sensitive</c>/<c>after_sensitive</c> marking them, <c>replace_paths</c>, <c>action_reason</c>;
/// <c>resource_drift[]</c> for changes management policies keep from happening; diagnostics; the state fingerprint.
/// Holds no secret value and no secret reference. Pure.
/// </summary>
public static class JsonPlanView
{
    public const string FormatVersion = "1.2";

    /// <summary>The plan; <paramref name="inputDiagnostics"/> (diagnostics of reading the input, warnings) come
    /// first in <c>diagnostics</c>. Default none.</summary>
    public static string Render(Plan plan, IReadOnlyList<Diagnostic>? inputDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["applyable"] = plan.HasChanges && !plan.HasErrors,
            ["errored"] = plan.HasErrors,
            ["resource_changes"] = new JsonArray([.. plan.Changes.Select(c => Change(c, c.Actions))]),
            ["resource_drift"] = new JsonArray([.. plan.Changes.Where(c => c.IsDriftOnly).Select(c => Change(c, DriftActions(c)))]),
            ["diagnostics"] = new JsonArray([.. (inputDiagnostics ?? []).Concat(plan.Diagnostics).Select(DiagnosticNode)]),
            ["fingerprint"] = plan.Fingerprint.Value,
        };
        return root.ToJsonString(ValueText.Indented) + "\n";
    }

    /// <summary>A run that stopped before a plan existed: the same shape, no change, <c>errored</c>, the diagnostics.</summary>
    public static string RenderFailure(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["applyable"] = false,
            ["errored"] = true,
            ["resource_changes"] = new JsonArray(),
            ["resource_drift"] = new JsonArray(),
            ["diagnostics"] = new JsonArray([.. diagnostics.Select(DiagnosticNode)]),
        };
        return root.ToJsonString(ValueText.Indented) + "\n";
    }

    private static IReadOnlyList<PlanAction> DriftActions(ResourceChange c) =>
        c.DriftAction == PlanAction.Replace ? [PlanAction.Delete, PlanAction.Create] : [c.DriftAction!.Value];

    private static JsonNode Change(ResourceChange c, IReadOnlyList<PlanAction> actions)
    {
        var node = new JsonObject
        {
            ["address"] = c.Address.ToString(),
            ["mode"] = "managed",
            ["type"] = c.Address.Type,
            ["name"] = c.Address.Name,
            ["change"] = new JsonObject
            {
                ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)ActionName(a))]),
                ["before"] = ValueText.Without(c.Before, c.SensitivePaths),
                ["after"] = ValueText.Without(c.After, c.SensitivePaths),
                ["before_sensitive"] = Sensitive(c.Before is not null, c.SensitivePaths),
                ["after_sensitive"] = Sensitive(c.After is not null, c.SensitivePaths),
                ["replace_paths"] = new JsonArray([.. c.ReplacePaths.Select(p => (JsonNode)new JsonArray([.. p.Split('.').Select(s => (JsonNode)s)]))]),
            },
        };
        if (c.Reason is not null)
        {
            node["action_reason"] = c.Reason;
        }

        if (c.Status is not null)
        {
            node["status"] = c.Status.DeepClone();
        }

        return node;
    }

    /// <summary>Terraform's shape: an object with <c>true</c> at each sensitive path, or <c>false</c> without a value.</summary>
    private static JsonNode Sensitive(bool hasValue, IReadOnlyList<string> paths)
    {
        if (!hasValue)
        {
            return false;
        }

        var root = new JsonObject();
        foreach (var parts in paths.Select(p => p.Split('.')))
        {
            var parent = root;
            foreach (var part in parts[..^1])
            {
                parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
            }

            parent[parts[^1]] = true;
        }

        return root;
    }

    public static string ActionName(PlanAction action) => action switch
    {
        PlanAction.NoOp => "no-op",
        PlanAction.Create => "create",
        PlanAction.Update => "update",
        PlanAction.Delete => "delete",
        PlanAction.Replace => "replace",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>One diagnostic in Terraform's shape (<c>severity</c>, <c>summary</c>, <c>detail</c>, <c>range</c>) plus
    /// <c>code</c> and <c>address</c>.</summary>
    public static JsonObject DiagnosticNode(Diagnostic d)
    {
        var node = new JsonObject
        {
            ["severity"] = d.Severity == Severity.Error ? "error" : "warning",
            ["code"] = d.Code,
            ["summary"] = d.Summary,
            ["detail"] = d.Detail,
        };
        if (d.Address is not null)
        {
            node["address"] = d.Address;
        }

        if (d.Location is not null)
        {
            node["range"] = new JsonObject
            {
                ["filename"] = d.Location.File,
                ["start"] = new JsonObject { ["line"] = d.Location.Line, ["column"] = d.Location.Column },
            };
        }

        return node;
    }
}
