using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Undoes the completed steps of a failed apply without transaction, last completed first (see
/// <see cref="WriteOperations.Inverse"/> for each undo and what it cannot restore). Runs every undo even if one fails,
/// journals and reports each. Not cancellable: a half-undone apply is worse than a slow one, and each call is bounded
/// by the provider's request timeout.
/// </summary>
internal sealed class Compensator(IWriteSession session, LiveState live, IApplyHooks hooks, JournalRecorder journal, PamMessageText messages)
{
    public async Task<IReadOnlyList<CompensationReport>> UndoAsync(IEnumerable<(PlanStep Step, WriteOperation Operation, string? CreatedId)> completedLastFirst)
    {
        var reports = new List<CompensationReport>();
        foreach (var (step, operation, createdId) in completedLastFirst)
        {
            var (undo, note) = WriteOperations.Inverse(step, operation.Kind, createdId, live.Find(step.Change.Type, step.Change.Key));
            var outcome = await session.WriteAsync(undo, CancellationToken.None);
            var report = outcome.Succeeded
                ? new CompensationReport(step, true, $"{undo.Id}: restored", note)
                : new CompensationReport(step, false, $"{undo.Id}: FAILED: {messages.Translate(outcome.Error?.Message, step)}", note);
            await journal.RecordAsync(outcome.Succeeded ? "compensated" : "compensation-failed", step, createdId, null, report.Message, CancellationToken.None);
            hooks.Compensated(report);
            reports.Add(report);
        }

        return reports;
    }
}
