using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Runs;
using PamOperator.Engine.Targeting;
using PamOperator.Engine.Views;
using PamOperator.Manifests;
using PamOperator.Manifests.Loading;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Read, Open, Recompute, Compare for <c>apply PLANFILE -f PATH</c>, for each PAM's section of the saved plan: the
/// section must name a PAM of this run with the same target; the plan is recomputed from the manifests and the freshly
/// observed PAM, and is executed only when the PAM is as it was (the fingerprint, else PAM402) and the recomputed plan
/// equals the saved one change for change and field for field (else PAM407: an edited file, other manifests or other
/// options). What runs is the recomputed plan, bound to the secrets of the manifests. Nothing is written here.
/// </summary>
public sealed class SavedPlanWorkflow(CliConsole console)
{
    private const int MaxListedDifferences = 20;
    private const int MaxPlanFileBytes = 512 * 1024 * 1024;

    private readonly List<Diagnostic> _reported = [];

    /// <summary>Every diagnostic this workflow printed (for <c>apply --output json</c>).</summary>
    public IReadOnlyList<Diagnostic> Reported => _reported;

    /// <summary>The run to apply, or null when diagnostics (already printed) refuse it.</summary>
    public async Task<PlannedRun?> RunAsync(string planFile, PlanInputs inputs, CancellationToken cancellationToken)
    {
        var paths = inputs.Paths;
        var diagnostics = new DiagnosticBag();
        // Bounded like every input: a device or a FIFO given as PLANFILE must not exhaust memory or hang.
        var status = BoundedFile.Read(Path.GetFullPath(planFile, console.WorkingDirectory), MaxPlanFileBytes, TimeSpan.FromSeconds(30), out var bytes, out var error);
        if (status != BoundedFile.Status.Read)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PlanFileInvalid, $"cannot read the plan file {planFile} ({error ?? status.ToString()})",
                $"Give the regular file (at most {MaxPlanFileBytes / (1024 * 1024)} MiB) written by pamctl plan --out."));
            return await FailAsync(diagnostics);
        }

        var saved = PlanFile.Deserialize(System.Text.Encoding.UTF8.GetString(bytes!), planFile);
        diagnostics.AddRange(saved.Diagnostics);
        var read = paths.Count == 0
            ? new ManifestReadResult([], [], [], 0)
            : await ManifestReader.ReadAsync(paths, console.In, console.Catalog, cancellationToken, console.WorkingDirectory);
        diagnostics.AddRange(read.Diagnostics);
        if (!saved.Succeeded || read.HasErrors)
        {
            return await FailAsync(diagnostics);
        }

        var secrets = saved.Sections.SelectMany(s => s.Plan.Changes).Where(c => c.Action != PlanAction.NoOp).Sum(c => c.Secrets.Count);
        if (paths.Count == 0 && secrets > 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretNotBound,
                $"the saved plan {planFile} writes {secrets} secret(s), and no manifests were given to take their references from",
                "A plan file holds no secret reference: apply it with the manifests it was made from, pamctl apply FILE -f PATH."));
            return await FailAsync(diagnostics);
        }

        if (saved.Selection is { } selection)
        {
            // The plan was targeted: recompute it narrowed the same way (and without prune), or it could never match.
            inputs = inputs with { Targets = selection.Targets, Selector = selection.Selector };
            read = read with { Objects = ObjectSelection.Select(read.Objects, selection.Targets, selection.Selector, diagnostics) };
            if (diagnostics.HasErrors)
            {
                return await FailAsync(diagnostics);
            }

            var warning = ObjectSelection.Warning(selection.Targets, selection.Selector, read.Objects.Count);
            _reported.Add(warning);
            await console.Error.WriteAsync(DiagnosticsTextView.Render([warning]));
        }

        var targets = await PamTargets.OpenAsync(read, config => PlanWorkflow.Options(inputs, config), console, diagnostics, cancellationToken, embedded: inputs.Embedded);
        if (targets is null)
        {
            return await FailAsync(diagnostics);
        }

        var sections = new List<PamPlan>();
        using (console.Progress.Show())
        {
            foreach (var section in saved.Sections)
            {
                if (await CheckAsync(planFile, section, targets, read, paths.Count == 0, diagnostics, console.Progress.PlanHooks, cancellationToken) is { } checkedSection)
                {
                    sections.Add(checkedSection);
                }
            }
        }

        if (diagnostics.HasErrors)
        {
            await targets.DisposeAsync();
            return await FailAsync(diagnostics);
        }

        return new PlannedRun(read, targets, new RunPlan(sections));
    }

    /// <summary>One saved section against its PAM: same target, manifests given, secrets bound, PAM unchanged, and the
    /// recomputed plan equal to the saved one. The recomputed section (bound to the manifests' secrets), or null.</summary>
    private static async Task<PamPlan?> CheckAsync(
        string planFile, SavedSection section, OpenTargets targets, ManifestReadResult read, bool noManifests, DiagnosticBag diagnostics,
        IPlanHooks hooks, CancellationToken cancellationToken)
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

        if (noManifests)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PlanFileNeedsManifests,
                $"the saved plan {planFile} is applied only together with the manifests it was made from",
                "pamctl recomputes the plan from the manifests and the PAM and executes it only if it equals the saved one: pamctl apply FILE -f PATH."));
            return null;
        }

        var bound = PlanFile.BindSecrets(section.Plan, read.Objects);
        diagnostics.AddRange(bound.Diagnostics);
        if (!bound.Succeeded)
        {
            return null;
        }

        var plan = bound.Plan!;
        var observed = ObservationScope.For(target.Desired, target.Kinds, target.Options.Prune);
        if (!observed.Order().SequenceEqual(plan.Fingerprint.ObservedTypes.Order()))
        {
            // Otherwise every object of a type only one side observes would be reported as a stale change.
            diagnostics.Add(Mismatch(planFile, ["the PAM object types to observe differ"]));
            return null;
        }

        var recomputed = await Reconciliation.PlanAsync(target, hooks, cancellationToken);
        if (recomputed.Failure is { } failure)
        {
            diagnostics.Add(failure);
            return null;
        }

        var differences = plan.Fingerprint.Compare(recomputed.Plan.Fingerprint);
        if (differences.Count > 0)
        {
            diagnostics.Add(Stale(planFile, differences));
            return null;
        }

        var mismatches = PlanEquivalence.Differences(plan, recomputed.Plan);
        diagnostics.AddRange(recomputed.Plan.Diagnostics.Where(d => d.Severity == Severity.Error));
        if (mismatches.Count > 0)
        {
            diagnostics.Add(Mismatch(planFile, mismatches));
        }

        return mismatches.Count > 0 || recomputed.Plan.HasErrors ? null : recomputed;
    }

    private static Diagnostic Mismatch(string planFile, IReadOnlyList<string> mismatches)
    {
        var listed = string.Join("; ", mismatches.Take(MaxListedDifferences));
        var more = mismatches.Count > MaxListedDifferences ? $"; and {mismatches.Count - MaxListedDifferences} more" : "";
        return Diagnostic.Error(DiagnosticCodes.PlanFileMismatch,
            $"the saved plan {planFile} differs from the plan the manifests and the PAM give now; nothing was written",
            $"Differences: {listed}{more}. The plan file was edited, or it was made from other manifests or with other options "
            + "(--prune, --prune-name-prefix, --max-deletes must be the same). Run pamctl plan --out FILE again and review it.");
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
        _reported.AddRange(diagnostics.Sorted());
        await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
        return null;
    }
}
