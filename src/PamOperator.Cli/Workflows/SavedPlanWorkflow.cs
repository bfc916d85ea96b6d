using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Runs;
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

    /// <summary>The run to apply (each PAM's saved section, re-checked against its live state and bound to its
    /// secrets), or null when diagnostics (already printed) refuse it. Nothing is written here.</summary>
    public async Task<PlannedRun?> RunAsync(string planFile, IReadOnlyList<string> paths, CancellationToken cancellationToken)
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
        var read = paths.Count == 0
            ? new ManifestReadResult([], [], [], 0)
            : await ManifestReader.ReadAsync(paths, console.In, console.Catalog, cancellationToken);
        diagnostics.AddRange(read.Diagnostics);
        if (!saved.Succeeded || read.HasErrors)
        {
            return await FailAsync(diagnostics);
        }

        var secrets = saved.Sections.SelectMany(s => s.Plan.Changes).Where(c => c.Action != Engine.Plans.PlanAction.NoOp).Sum(c => c.Secrets.Count);
        if (paths.Count == 0 && secrets > 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretNotBound,
                $"the saved plan {planFile} writes {secrets} secret(s), and no manifests were given to take their references from",
                "A plan file holds no secret reference: apply it with the manifests it was made from, pamctl apply FILE -f PATH."));
            return await FailAsync(diagnostics);
        }

        var targets = await PamTargets.OpenAsync(read, _ => Engine.Planning.PlanOptions.Default, console, diagnostics, cancellationToken);
        if (targets is null)
        {
            return await FailAsync(diagnostics);
        }

        var sections = new List<PamPlan>();
        foreach (var section in saved.Sections)
        {
            if (await CheckAsync(planFile, section, targets, read, diagnostics, cancellationToken) is { } checkedSection)
            {
                sections.Add(checkedSection);
            }
        }

        if (diagnostics.HasErrors)
        {
            await targets.DisposeAsync();
            return await FailAsync(diagnostics);
        }

        return new PlannedRun(read, targets, new RunPlan(sections));
    }

    /// <summary>Binds one saved section to its PAM: same target, same secrets, live state unchanged.</summary>
    private static async Task<PamPlan?> CheckAsync(
        string planFile, SavedSection section, OpenTargets targets, ManifestReadResult read, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var target = targets.Targets.FirstOrDefault(t => t.Name == section.Name);
        if (target is null || (section.Plan.Target is { } id && id != target.TargetIdentity))
        {
            var would = target is null
                ? $"this run has no PAM named {section.Name} (its PAMs: {string.Join(", ", targets.Targets.Select(t => $"{t.Name} = {t.TargetIdentity}"))})"
                : $"this run would apply it to {target.TargetIdentity}";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PlanTargetMismatch,
                $"the saved plan {planFile} was made for {section.Plan.Target ?? section.Name}, but {would}",
                "Pass -f with the ProviderConfig(s) (and manifests) the plan was made with."));
            return null;
        }

        var bound = PlanFile.BindSecrets(section.Plan, read.Objects);
        diagnostics.AddRange(bound.Diagnostics);
        if (!bound.Succeeded)
        {
            return null;
        }

        var (rechecked, differences) = await Reconciliation.RecheckAsync(target, bound.Plan!, cancellationToken);
        if (rechecked.Failure is { } failure)
        {
            diagnostics.Add(failure);
            return null;
        }

        if (differences.Count > 0)
        {
            diagnostics.Add(Stale(planFile, differences));
            return null;
        }

        return rechecked;
    }

    private static Diagnostic Stale(string planFile, IReadOnlyList<FingerprintDifference> differences)
    {
        var listed = string.Join("; ", differences.Take(MaxListedDifferences));
        var more = differences.Count > MaxListedDifferences ? $"; and {differences.Count - MaxListedDifferences} more" : "";
        return Diagnostic.Error(DiagnosticCodes.StalePlan,
            $"the saved plan {planFile} is stale: the PAM changed since it was made ({differences.Count} object(s))",
            $"Changed: {listed}{more}. Run pamctl plan again and review the new plan.");
    }

    private async Task<PlannedRun?> FailAsync(DiagnosticBag diagnostics)
    {
        await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
        return null;
    }
}
