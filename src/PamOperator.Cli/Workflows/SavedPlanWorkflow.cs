using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Views;
using PamOperator.Manifests;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Read, Open, Observe, Compare, Bind for <c>apply PLANFILE</c>: the saved plan is executed exactly, and only if the
/// PAM still holds what the plan was made from (the fingerprint of the observed objects); otherwise it is refused with
/// the objects that changed. Secrets are bound from the manifests given with <c>-f</c>.
/// </summary>
public sealed class SavedPlanWorkflow(CliConsole console)
{
    private const int MaxListedDifferences = 20;

    public async Task<(PlannedRun? Run, Engine.Plans.Plan? Plan)> RunAsync(string planFile, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        string text;
        try
        {
            text = await File.ReadAllTextAsync(Path.GetFullPath(planFile, console.WorkingDirectory), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PlanFileInvalid, $"cannot read the plan file {planFile}",
                $"{ex.GetType().Name}: give the file written by pamctl plan --out."));
            return await FailAsync(diagnostics);
        }

        var saved = PlanFile.Deserialize(text, planFile);
        diagnostics.AddRange(saved.Diagnostics);
        var read = paths.Count == 0 ? new ManifestReadResult([], [], [], 0) : await ManifestReader.ReadAsync(paths, console.In, cancellationToken);
        diagnostics.AddRange(read.Diagnostics);
        if (!saved.Succeeded || read.HasErrors)
        {
            return await FailAsync(diagnostics);
        }

        var secrets = saved.Plan!.Changes.Where(c => c.Action != Engine.Plans.PlanAction.NoOp).Sum(c => c.Secrets.Count);
        if (paths.Count == 0 && secrets > 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretNotBound,
                $"the saved plan {planFile} writes {secrets} secret(s), and no manifests were given to take their references from",
                "A plan file holds no secret reference: apply it with the manifests it was made from, pamctl apply FILE -f PATH."));
            return await FailAsync(diagnostics);
        }

        var bound = PlanFile.BindSecrets(saved.Plan!, read.Objects);
        diagnostics.AddRange(bound.Diagnostics);
        if (!bound.Succeeded)
        {
            return await FailAsync(diagnostics);
        }

        var plan = bound.Plan!;
        var session = await ProviderSessions.OpenAsync(read, console, diagnostics, cancellationToken);
        if (session is null)
        {
            return await FailAsync(diagnostics);
        }

        if (plan.Target is { } target && target != session.TargetId)
        {
            await session.DisposeAsync();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PlanTargetMismatch,
                $"the saved plan {planFile} was made for {target}, but this run would apply it to {session.TargetId}",
                "Pass -f with the ProviderConfig (and manifests) the plan was made with."));
            return await FailAsync(diagnostics);
        }

        LiveState live;
        try
        {
            live = await session.Provider.Reader.ObserveAsync(plan.Fingerprint.ObservedTypes, cancellationToken);
        }
        catch (PamApiException ex)
        {
            await session.DisposeAsync();
            diagnostics.Add(ProviderDiagnostics.From(ex, session.Description));
            return await FailAsync(diagnostics);
        }

        var differences = plan.Fingerprint.Compare(StateFingerprint.Compute(live, plan.Fingerprint.ObservedTypes));
        if (differences.Count > 0)
        {
            await session.DisposeAsync();
            diagnostics.Add(Stale(planFile, differences));
            return await FailAsync(diagnostics);
        }

        return (new PlannedRun(read, session, live, plan.Fingerprint.ObservedTypes, plan), plan);
    }

    private static Diagnostic Stale(string planFile, IReadOnlyList<FingerprintDifference> differences)
    {
        var listed = string.Join("; ", differences.Take(MaxListedDifferences));
        var more = differences.Count > MaxListedDifferences ? $"; and {differences.Count - MaxListedDifferences} more" : "";
        return Diagnostic.Error(DiagnosticCodes.StalePlan,
            $"the saved plan {planFile} is stale: the PAM changed since it was made ({differences.Count} object(s))",
            $"Changed: {listed}{more}. Run pamctl plan again and review the new plan.");
    }

    private async Task<(PlannedRun?, Engine.Plans.Plan?)> FailAsync(DiagnosticBag diagnostics)
    {
        await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
        return (null, null);
    }
}
