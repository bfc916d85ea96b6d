using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Executes a plan exactly (it never re-decides): Graph, Secrets, Begin, Execute, Finish. Creates and updates go
/// parent-first, deletes child-first. With an atomic or a server-transaction session every step is written in
/// dependency order, one at a time, and committed at once (all or nothing; a failure rolls the transaction back);
/// otherwise independent steps run in parallel, a failure skips its dependents, and the
/// completed steps are compensated in reverse order. Secrets are resolved before the first write, so a missing one
/// changes nothing.
/// </summary>
public static class Applier
{
    public static async Task<ApplyResult> ApplyAsync(ApplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Plan.HasErrors)
        {
            throw new InvalidOperationException("a plan with errors must not be applied");
        }

        var graph = ExecutionGraph.Build(request.Plan);
        if (graph.Diagnostics.Count > 0)
        {
            return new ApplyResult { Succeeded = false, Diagnostics = graph.Diagnostics };
        }

        var ordered = graph.Graph.TopologicalOrder();
        var diagnostics = new DiagnosticBag();
        var operations = ordered.ToDictionary(s => s, s => Operation(s, request, diagnostics), PlanStep.ByName);
        if (diagnostics.HasErrors || ordered.Count == 0)
        {
            return new ApplyResult { Succeeded = !diagnostics.HasErrors, Diagnostics = diagnostics.Sorted() };
        }

        request.Hooks.ApplyStarted(ordered.Count);
        await using var session = await request.Writer.BeginAsync([.. ordered.Select(s => operations[s])], request.Live, cancellationToken);
        var run = new StepRun(request, session, operations, new PamMessageText(request.Plan, request.Live, request.Kinds, request.Redactor));
        return session.Guarantee is TransactionGuarantee.Atomic or TransactionGuarantee.ServerTransaction
            ? await run.StageAndCommitAsync(ordered, cancellationToken)
            : await run.WalkAsync(graph.Graph, cancellationToken);
    }

    private static WriteOperation Operation(PlanStep step, ApplyRequest request, DiagnosticBag diagnostics)
    {
        // A selector's change updates another type's object; the write goes through the selector's kind.
        var kind = request.Kinds.First(k => k.Type == (step.Change.SelectedBy ?? step.Change.Type));
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (step.Operation != StepOperation.Delete)
        {
            foreach (var secret in step.Change.Secrets)
            {
                if (secret.Reference is null)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretNotBound,
                        $"the secret {secret.Path} of {step.Change.Address} is not bound to its manifest",
                        "A saved plan holds no secret reference: apply it together with the manifests it was made from (-f).",
                        step.Change.Location, step.Change.Address.ToString()));
                }
                else if (request.Secrets.Resolve(secret.Reference, step.Change, diagnostics) is { } value)
                {
                    secrets[secret.Path] = value;
                }
            }
        }

        return WriteOperations.For(step, kind, request.Live, secrets);
    }
}
