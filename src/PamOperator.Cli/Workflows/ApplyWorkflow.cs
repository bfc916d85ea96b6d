using PamOperator.Cli.Targets;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Runs;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Approve, Apply, Report: the phases after a plan exists. Progress goes to stdout as steps finish; the closing line is
/// <c>Apply complete! Resources: X added, Y changed, Z destroyed.</c> or what failed and what was restored.
/// </summary>
public sealed class ApplyWorkflow(CliConsole console)
{
    /// <summary>Each PAM's result of the last <see cref="ApplyAsync"/> (empty when nothing was applied).</summary>
    public IReadOnlyList<(PamPlan Section, ApplyResult Result)> Results { get; private set; } = [];

    private readonly List<Diagnostic> _reported = [];

    /// <summary>The diagnostics this workflow printed itself (approval, apply failures; not the results' own).</summary>
    public IReadOnlyList<Diagnostic> Reported => _reported;

    /// <summary>Applies every PAM's section of <paramref name="run"/> (already shown to the user), independent PAMs
    /// concurrently, each in its own transaction. Returns the exit code: 1 when any PAM's apply failed.</summary>
    public async Task<int> ApplyAsync(PlannedRun run, bool approved, int? parallelism, CancellationToken cancellationToken)
    {
        if (!run.Plan.HasChanges)
        {
            RecordOrphans(run.Plan.Pams.Select(p => p.Target));
            await console.Out.WriteLineAsync("\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.");
            return ExitCodes.Success;
        }

        if (!approved && !await ApproveAsync())
        {
            return ExitCodes.Error;
        }

        var several = run.Plan.Pams.Count > 1;
        var journals = run.Plan.Pams.ToDictionary(
            p => p.Target.Name, p => FileApplyJournal.InDirectory(
                Path.Combine(console.WorkingDirectory, EmbeddedSimulator.StateDirectory, "journal"), TimeProvider.System, several ? p.Target.Name : null, console.Redactor));
        IReadOnlyList<(PamPlan Section, ApplyResult Result)> results;
        using (console.Progress.Show())
        {
            results = await Reconciliation.ApplyAllAsync(run.Plan, section => new ApplyServices
            {
                Secrets = new CliSecretSource(SecretValueResolver.For(console), run.Read),
                Parallelism = parallelism,
                Hooks = console.Progress.ApplyHooks(section.Target.Name, new ConsoleApplyHooks(console.Out, several ? $"[{section.Target.Name}] " : "")),
                Journal = journals[section.Target.Name],
                Redactor = console.Redactor,
            }, cancellationToken);
        }

        Results = results;
        RecordOrphans(results.Where(r => r.Result.Succeeded).Select(r => r.Section.Target));
        var exit = ExitCodes.Success;
        foreach (var (section, result) in results)
        {
            var code = await ReportAsync(result, journals[section.Target.Name], several ? section.Target.Name : null);
            exit = Math.Max(exit, code);
        }

        if (several)
        {
            var failed = results.Where(r => !r.Result.Succeeded).Select(r => r.Section.Target.Name).ToList();
            await console.Out.WriteLineAsync(failed.Count == 0
                ? $"\nApply complete on all {results.Count} PAMs! Resources: {results.Sum(r => r.Result.Added)} added, {results.Sum(r => r.Result.Changed)} changed, {results.Sum(r => r.Result.Destroyed)} destroyed."
                : $"\nApply failed on {failed.Count} of {results.Count} PAMs ({string.Join(", ", failed)}); each PAM's outcome is above.");
        }

        return exit;
    }

    /// <summary>Remembers the Orphan objects of each PAM applied successfully (see <see cref="OrphanLedger"/>).</summary>
    private void RecordOrphans(IEnumerable<PamTarget> targets)
    {
        foreach (var target in targets)
        {
            OrphanLedger.Record(console, target.TargetIdentity, target.Desired);
        }
    }

    private async Task<bool> ApproveAsync()
    {
        if (!console.IsInteractive)
        {
            var refusal = Diagnostic.Error(DiagnosticCodes.ApprovalRequired,
                "apply needs confirmation and there is no terminal to ask on",
                "Review the plan above and run again with --auto-approve (CI), or apply a saved plan: pamctl plan --out FILE, then pamctl apply FILE.");
            _reported.Add(refusal);
            await console.Error.WriteAsync(DiagnosticsTextView.Render([refusal]));
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

    private async Task<int> ReportAsync(ApplyResult result, FileApplyJournal journal, string? pam)
    {
        var prefix = pam is null ? "" : $"PAM {pam}: ";
        if (result.Diagnostics.Count > 0)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(result.Diagnostics));
        }

        if (result.Succeeded)
        {
            await console.Out.WriteLineAsync($"\n{prefix}Apply complete! Resources: {result.Added} added, {result.Changed} changed, {result.Destroyed} destroyed.");
            return ExitCodes.Success;
        }

        if (result.RootCause is null)
        {
            await console.Out.WriteLineAsync($"\n{prefix}Apply failed! Nothing was changed: the problems above were found before the first write.");
            return ExitCodes.Error;
        }

        var failed = Failed(result, journal, prefix);
        _reported.Add(failed);
        await console.Error.WriteAsync(DiagnosticsTextView.Render([failed]));
        await console.Out.WriteLineAsync("\n" + prefix + FailureSummary(result));
        return ExitCodes.Error;
    }

    /// <summary>PAM405. When the PAM refused one write, it is located at that object's manifest and names it as the
    /// user does (<c>create Account/db-admin</c>, the plan address in brackets); the PAM's message is already in manifest
    /// vocabulary (<see cref="PamMessageText"/>).</summary>
    internal static Diagnostic Failed(ApplyResult result, FileApplyJournal journal, string prefix) => result.Failure is { } failure
        ? Diagnostic.Error(DiagnosticCodes.ApplyFailed, $"{prefix}apply failed: {failure}",
            Aftermath(result, journal), failure.Location, failure.Address)
        : Diagnostic.Error(DiagnosticCodes.ApplyFailed, $"{prefix}apply failed: {result.RootCause}", Aftermath(result, journal));

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
