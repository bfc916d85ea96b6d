using System.Collections.Concurrent;
using System.Diagnostics;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Execution;
using PamOperator.Engine.Graph;

namespace PamOperator.Engine.Apply;

/// <summary>The execution half of one apply: runs the steps through the session, then commits, rolls back, or
/// compensates (<see cref="Compensator"/>), and reports every step once.</summary>
/// Every PAM message is put in manifest vocabulary by <see cref="PamMessageText"/> before it is reported or journaled.
internal sealed class StepRun(ApplyRequest request, IWriteSession session, Dictionary<PlanStep, WriteOperation> operations, PamMessageText messages)
{
    private const string NotAppliedAtomic = "not applied: the atomic transaction was rolled back";
    private const string NotAppliedServer = "not applied: the server transaction was rolled back";
    private readonly ConcurrentQueue<(PlanStep Step, string? Id)> _completed = new();
    private readonly ConcurrentDictionary<string, StepReport> _reports = new(StringComparer.Ordinal);
    private readonly JournalRecorder _journal = new(request.Journal, request.Time);

    private string NotApplied => session.Guarantee == TransactionGuarantee.Atomic ? NotAppliedAtomic : NotAppliedServer;

    private string TransactionName => session.Guarantee == TransactionGuarantee.Atomic ? "atomic" : "server";

    /// <summary>Atomic and server-transaction sessions: write every step in dependency order, then commit once.</summary>
    public async Task<ApplyResult> StageAndCommitAsync(IReadOnlyList<PlanStep> ordered, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var step in ordered)
        {
            request.Hooks.StepStarted(step);
            var staged = await WriteAsync(operations[step], cancellationToken);
            if (!staged.Succeeded)
            {
                await session.RollbackAsync(cancellationToken);
                return Aborted(ordered, step, messages.Translate(staged.Error!.Message, step), clock.Elapsed);
            }
        }

        var commit = await session.CommitAsync(cancellationToken);
        if (!commit.Succeeded)
        {
            var failed = ordered.FirstOrDefault(s => s.Name == commit.FailedOperationId);
            foreach (var (operation, id) in commit.CreatedIds)
            {
                if (ordered.FirstOrDefault(s => s.Name == operation) is { } created)
                {
                    messages.Created(created, id);
                }
            }

            var message = messages.Translate(commit.Error?.Message ?? "the transaction failed", failed);
            return failed is not null
                ? Aborted(ordered, failed, message, clock.Elapsed)
                : Unattributed(ordered, message, outcomeUnknown: commit.OutcomeUnknown);
        }

        foreach (var step in ordered)
        {
            Report(new StepReport(step, StepStatus.Succeeded, clock.Elapsed, commit.CreatedIds.GetValueOrDefault(step.Name) ?? step.Change.ExternalId));
        }

        return Result(succeeded: true, rootCause: null, []);
    }

    /// <summary>Plain sessions: walk the graph, independent steps in parallel.</summary>
    public async Task<ApplyResult> WalkAsync(DependencyGraph<PlanStep> graph, CancellationToken cancellationToken)
    {
        var walk = await graph.WalkAsync(RunStepAsync, Math.Max(1, request.Parallelism), cancellationToken);
        foreach (var skipped in walk.Skipped)
        {
            Report(new StepReport(skipped.Node, StepStatus.Skipped, TimeSpan.Zero, Message: skipped.Message));
        }

        if (walk.Succeeded)
        {
            var commit = await session.CommitAsync(cancellationToken);
            return commit.Succeeded
                ? Result(succeeded: true, rootCause: null, [])
                : Result(succeeded: false, messages.Translate(commit.Error?.Message ?? "the transaction failed to commit", null), []);
        }

        var root = walk.Failures[0];
        var rootCause = $"{root.Node.Name}: {root.Message}";
        var completed = _completed.Reverse().Select(c => (c.Step, operations[c.Step], c.Id));
        var undone = await new Compensator(session, request.Live, request.Hooks, _journal, messages).UndoAsync(completed);
        return Result(succeeded: false, rootCause, undone) with { Failure = new ApplyFailure(root.Node, root.Message ?? "failed") };
    }

    private async Task<StepResult> RunStepAsync(PlanStep step, CancellationToken cancellationToken)
    {
        request.Hooks.StepStarted(step);
        var operation = operations[step];
        var journaled = session.Guarantee == TransactionGuarantee.None;
        if (journaled)
        {
            var (undo, _) = WriteOperations.Inverse(step, operation.Kind, null, request.Live.Find(step.Change.Type, step.Change.Key));
            await _journal.RecordAsync("intent", step, operation.ExternalId, WriteOperations.Describe(undo), null, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var outcome = await WriteAsync(operation, cancellationToken);
        if (outcome.Succeeded)
        {
            _completed.Enqueue((step, outcome.ExternalId));
            messages.Created(step, outcome.ExternalId);
            await JournalIf(journaled, "done", step, outcome.ExternalId ?? operation.ExternalId, null, cancellationToken);
            Report(new StepReport(step, StepStatus.Succeeded, clock.Elapsed, outcome.ExternalId ?? operation.ExternalId));
            return StepResult.Success;
        }

        var message = messages.Translate(outcome.Error?.Message ?? "failed", step);
        await JournalIf(journaled, "failed", step, operation.ExternalId, message, cancellationToken);
        Report(new StepReport(step, StepStatus.Failed, clock.Elapsed, Message: message));
        return StepResult.Failure(message);
    }

    private ApplyResult Aborted(IReadOnlyList<PlanStep> ordered, PlanStep failed, string message, TimeSpan elapsed)
    {
        foreach (var step in ordered)
        {
            Report(step == failed
                ? new StepReport(step, StepStatus.Failed, elapsed, Message: message)
                : new StepReport(step, StepStatus.Skipped, TimeSpan.Zero, Message: NotApplied));
        }

        return Result(succeeded: false, $"{failed.Name}: {message}", []) with { Failure = new ApplyFailure(failed, message) };
    }

    /// <summary>The commit failed without naming a write. When the session says the answer was lost the outcome is
    /// unknown, all or nothing; otherwise the PAM refused the whole transaction.</summary>
    private ApplyResult Unattributed(IReadOnlyList<PlanStep> ordered, string message, bool outcomeUnknown)
    {
        var stepMessage = outcomeUnknown
            ? $"outcome unknown: the answer to the {TransactionName} transaction was lost; run plan to see whether it took effect"
            : NotApplied;
        foreach (var step in ordered)
        {
            Report(new StepReport(step, StepStatus.Skipped, TimeSpan.Zero, Message: stepMessage));
        }

        return Result(succeeded: false, $"the {TransactionName} transaction of {ordered.Count} writes: {message}", []) with { OutcomeUnknown = outcomeUnknown };
    }

    /// <summary>A PAM failure thrown by a session is a failed write like one it returns.</summary>
    private async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            return await session.WriteAsync(operation, cancellationToken);
        }
        catch (Core.Providers.PamApiException ex)
        {
            return WriteOutcome.Failed(ex);
        }
    }

    private void Report(StepReport report)
    {
        if (_reports.TryAdd(report.Step.Name, report))
        {
            request.Hooks.StepFinished(report);
        }
    }

    private ApplyResult Result(bool succeeded, string? rootCause, IReadOnlyList<CompensationReport> compensations) => new()
    {
        Succeeded = succeeded,
        Guarantee = session.Guarantee,
        Steps = [.. _reports.Values.OrderBy(r => r.Step.Name, StringComparer.Ordinal)],
        RootCause = rootCause,
        Compensations = compensations,
    };

    private Task JournalIf(bool journaled, string phase, PlanStep step, string? id, string? message, CancellationToken cancellationToken) =>
        journaled ? _journal.RecordAsync(phase, step, id, null, message, cancellationToken) : Task.CompletedTask;
}
