using System.Globalization;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Execution;
using PamOperator.Engine.Graph;

namespace PamOperator.Cli.Workflows;

/// <summary>Progress of an apply as it happens: one line per finished step, Terraform style, with elapsed time.
/// With several PAMs in one run each line starts with <c>[pam] </c>. Thread-safe (steps finish concurrently). Messages never carry a secret (the engine's contract).</summary>
public sealed class ConsoleApplyHooks(TextWriter output, string prefix = "") : IApplyHooks
{
    private readonly Lock _gate = new();

    public void ApplyStarted(int stepCount)
    {
    }

    public void StepStarted(PlanStep step)
    {
    }

    public void StepFinished(StepReport report)
    {
        var address = report.Step.Change.Address;
        var seconds = report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var id = report.ExternalId is null ? "" : $" [id={report.ExternalId}]";
        var line = report.Status switch
        {
            StepStatus.Succeeded => $"{address}: {Done(report.Step.Operation)} after {seconds}s{id}",
            StepStatus.Failed => $"{address}: {report.Step.Operation.ToString().ToLowerInvariant()} FAILED after {seconds}s: {report.Message}",
            _ => $"{address}: {report.Step.Operation.ToString().ToLowerInvariant()} skipped ({report.Message})",
        };
        Write(line);
    }

    public void Compensated(CompensationReport report) =>
        Write($"{report.Step.Change.Address}: undo {(report.Restored ? "done" : "FAILED")}: {report.Message}{(report.Note is null ? "" : $" ({report.Note})")}");

    private static string Done(StepOperation operation) => operation switch
    {
        StepOperation.Create => "Creation complete",
        StepOperation.Update => "Modifications complete",
        _ => "Destruction complete",
    };

    private void Write(string line)
    {
        lock (_gate)
        {
            output.WriteLine(prefix + line);
        }
    }
}
