using PamOperator.Cli.Targets;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Plans;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Approve, Apply, Report: the phases after a plan exists. Progress goes to stdout as steps finish; the closing line is
/// <c>Apply complete! Resources: X added, Y changed, Z destroyed.</c> or what failed and what was restored.
/// </summary>
public sealed class ApplyWorkflow(CliConsole console)
{
    /// <summary>Applies <paramref name="plan"/> (already shown to the user). Returns the exit code.</summary>
    public async Task<int> ApplyAsync(PlannedRun run, Plan plan, bool approved, int? parallelism, CancellationToken cancellationToken)
    {
        if (!plan.HasChanges)
        {
            await console.Out.WriteLineAsync("\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.");
            return ExitCodes.Success;
        }

        if (!approved && !await ApproveAsync())
        {
            return ExitCodes.Error;
        }

        var journal = FileApplyJournal.InDirectory(console.WorkingDirectory, TimeProvider.System, console.Redactor);
        var result = await Applier.ApplyAsync(new ApplyRequest
        {
            Plan = plan,
            Live = run.Live,
            Writer = run.Session.Provider.Writer,
            Kinds = KindCatalog.All,
            Secrets = new CliSecretSource(SecretValueResolver.For(console), run.Read),
            Parallelism = parallelism ?? run.Session.Config?.Parallelism ?? 10,
            Hooks = new ConsoleApplyHooks(console.Out),
            Journal = journal,
        }, cancellationToken);
        return await ReportAsync(result, journal);
    }

    private async Task<bool> ApproveAsync()
    {
        if (!console.IsInteractive)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render([Diagnostic.Error(DiagnosticCodes.ApprovalRequired,
                "apply needs confirmation and there is no terminal to ask on",
                "Review the plan above and run again with --auto-approve (CI), or apply a saved plan: pamctl plan --out FILE, then pamctl apply FILE.")]));
            return false;
        }

        await console.Out.WriteAsync("\nDo you want to perform these actions?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
        var answer = await console.In.ReadLineAsync();
        if (string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal))
        {
            return true;
        }

        await console.Out.WriteLineAsync("\nApply cancelled.");
        return false;
    }

    private async Task<int> ReportAsync(ApplyResult result, FileApplyJournal journal)
    {
        if (result.Diagnostics.Count > 0)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(result.Diagnostics));
        }

        if (result.Succeeded)
        {
            await console.Out.WriteLineAsync($"\nApply complete! Resources: {result.Added} added, {result.Changed} changed, {result.Destroyed} destroyed.");
            return ExitCodes.Success;
        }

        if (result.RootCause is null)
        {
            await console.Out.WriteLineAsync("\nApply failed! Nothing was changed: the problems above were found before the first write.");
            return ExitCodes.Error;
        }

        await console.Error.WriteAsync(DiagnosticsTextView.Render([Diagnostic.Error(DiagnosticCodes.ApplyFailed,
            $"apply failed: {result.RootCause}", Aftermath(result, journal))]));
        await console.Out.WriteLineAsync("\n" + FailureSummary(result));
        return ExitCodes.Error;
    }

    /// <summary>The closing line of a failed apply: what was changed, and what was rolled back or undone.</summary>
    internal static string FailureSummary(ApplyResult result)
    {
        if (result.Guarantee != TransactionGuarantee.None)
        {
            return result.OutcomeUnknown
                ? "Apply failed! The outcome of the transaction is unknown (all or nothing): run pamctl plan to see it."
                : "Apply failed! Nothing was changed: the transaction was rolled back.";
        }

        if (result.Compensations.Count == 0)
        {
            return "Apply failed! Nothing was changed.";
        }

        var notRestored = result.Compensations.Count(c => !c.Restored);
        var done = $"Resources: {result.Added} added, {result.Changed} changed, {result.Destroyed} destroyed";
        return notRestored == 0
            ? $"Apply failed! {done}, then undone: all {result.Compensations.Count} restored."
            : $"Apply failed! {done}; {notRestored} of {result.Compensations.Count} could NOT be undone: the PAM is left changed.";
    }

    private static string Aftermath(ApplyResult result, FileApplyJournal journal)
    {
        if (result.Guarantee != TransactionGuarantee.None)
        {
            return result.OutcomeUnknown
                ? "The answer to the transaction was lost: it took effect entirely or not at all. Run pamctl plan to see which, then apply again."
                : "The transaction was not committed: the PAM keeps its previous state. Fix the cause and apply again.";
        }

        if (result.Compensations.Count == 0)
        {
            return $"Nothing had been changed yet. Journal: {journal.Path}.";
        }

        var notes = result.Compensations.Where(c => c.Note is not null).Select(c => $"{c.Step.Change.Address}: {c.Note}");
        var failed = result.Compensations.Where(c => !c.Restored).ToList();
        var summary = failed.Count == 0
            ? $"The {result.Compensations.Count} completed change(s) were undone in reverse order; the PAM holds its previous state."
            : $"WARNING: {failed.Count} of {result.Compensations.Count} completed change(s) could not be undone: {string.Join("; ", failed.Select(f => f.Message))}. Run plan to see the PAM as it is.";
        var noteText = string.Join("; ", notes);
        return summary + (noteText.Length > 0 ? $" Notes: {noteText}." : "") + $" Journal: {journal.Path}.";
    }
}
