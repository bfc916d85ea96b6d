using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Runs;

namespace PamOperator.Engine.Views;

/// <summary>
/// The result of <c>pamctl apply --output json</c>: whether it succeeded, per PAM the counts, the transaction guarantee,
/// the root cause, the refused write in manifest terms (<c>failure</c>), whether the outcome is unknown, each step (address, operation, status, id, message) and undo, and
/// every diagnostic. Messages never carry a secret (the engine's contract). Pure.
/// </summary>
public static class ApplyJsonView
{
    public const string FormatVersion = "1.0";

    /// <summary><paramref name="results"/>: each applied PAM (empty when nothing was applied);
    /// <paramref name="diagnostics"/>: those of the run outside any PAM's apply (planning, approval).</summary>
    public static string Render(IReadOnlyList<(PamPlan Section, ApplyResult Result)> results, IReadOnlyList<Diagnostic> diagnostics, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["succeeded"] = succeeded,
            ["added"] = results.Sum(r => r.Result.Added),
            ["changed"] = results.Sum(r => r.Result.Changed),
            ["destroyed"] = results.Sum(r => r.Result.Destroyed),
            ["pams"] = new JsonArray([.. results.Select(r => Pam(r.Section, r.Result))]),
            ["diagnostics"] = new JsonArray([.. diagnostics.Concat(results.SelectMany(r => r.Result.Diagnostics)).Select(JsonPlanView.DiagnosticNode)]),
        };
        return root.ToJsonString(ValueText.Indented) + "\n";
    }

    /// <summary>The write the PAM refused, in manifest terms: <c>{operation, kind, name, address, file, line, column,
    /// message}</c>; null when no single write was refused.</summary>
    private static JsonObject? Failure(ApplyFailure? failure) => failure is null ? null : new JsonObject
    {
        ["operation"] = failure.Operation,
        ["kind"] = failure.Step.Change.Address.Kind,
        ["name"] = failure.Step.Change.Address.Name,
        ["object"] = failure.Name,
        ["address"] = failure.Address,
        ["file"] = failure.Location?.File,
        ["line"] = failure.Location?.Line,
        ["column"] = failure.Location?.Column,
        ["message"] = failure.Message,
    };

    private static JsonNode Pam(PamPlan section, ApplyResult result) => new JsonObject
    {
        ["name"] = section.Target.Name,
        ["target"] = section.Target.TargetIdentity,
        ["succeeded"] = result.Succeeded,
        ["guarantee"] = result.Guarantee?.ToString(),
        ["outcome_unknown"] = result.OutcomeUnknown,
        ["root_cause"] = result.RootCause,
        ["failure"] = Failure(result.Failure),
        ["added"] = result.Added,
        ["changed"] = result.Changed,
        ["destroyed"] = result.Destroyed,
        ["steps"] = new JsonArray([.. result.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["address"] = s.Step.Change.Address.ToString(),
            ["operation"] = s.Step.Operation.ToString().ToLowerInvariant(),
            ["status"] = s.Status switch { StepStatus.Succeeded => "succeeded", StepStatus.Failed => "failed", _ => "skipped" },
            ["id"] = s.ExternalId,
            ["message"] = s.Message,
        })]),
        ["compensations"] = new JsonArray([.. result.Compensations.Select(c => (JsonNode)new JsonObject
        {
            ["address"] = c.Step.Change.Address.ToString(),
            ["restored"] = c.Restored,
            ["message"] = c.Message,
        })]),
    };
}
