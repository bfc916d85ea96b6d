using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Views;
using PamOperator.Manifests;
using PamOperator.Manifests.Loading;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Read, Bind, Open, Observe, Compare, Recompute for <c>apply PLANFILE -f manifests</c>: the plan file is not trusted
/// (anyone who can write it could add a delete or a field change). The plan is recomputed from the manifests and the
/// freshly observed PAM with the options of this command line, and executed only if it equals the saved plan change
/// for change and field for field (<see cref="PlanEquivalence"/>); what runs is the recomputed plan. A PAM that changed
/// since is reported as stale, naming the objects. Secrets are bound from the manifests given with <c>-f</c>.
/// </summary>
public sealed class SavedPlanWorkflow(CliConsole console)
{
    private const int MaxListedDifferences = 20;
    private const int MaxPlanFileBytes = 512 * 1024 * 1024;

    /// <param name="planFile">The saved plan.</param>
    /// <param name="inputs">The manifests (<c>-f</c>) and the plan options (<c>--prune</c>, ...) of this command line:
    /// the same as the plan was made with, or the plans differ.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<(PlannedRun? Run, Engine.Plans.Plan? Plan)> RunAsync(string planFile, PlanInputs inputs, CancellationToken cancellationToken)
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

        var text = System.Text.Encoding.UTF8.GetString(bytes!);

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

        if (paths.Count == 0)
        {
            await session.DisposeAsync();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PlanFileNeedsManifests,
                $"the saved plan {planFile} is applied only together with the manifests it was made from",
                "pamctl recomputes the plan from the manifests and the PAM and executes it only if it equals the saved one: pamctl apply FILE -f PATH."));
            return await FailAsync(diagnostics);
        }

        var options = PlanWorkflow.Options(inputs, session.Config);
        var observed = ObservationScope.For(read.Objects, KindCatalog.All, options.Prune);
        if (!observed.Order(StringComparer.Ordinal).SequenceEqual(plan.Fingerprint.ObservedTypes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            // Otherwise every object of a type only one side observes would be reported as a stale change.
            await session.DisposeAsync();
            diagnostics.Add(Mismatch(planFile, ["the PAM object types to observe differ"]));
            return await FailAsync(diagnostics);
        }

        LiveState live;
        try
        {
            live = await session.Provider.Reader.ObserveAsync(observed, cancellationToken);
        }
        catch (PamApiException ex)
        {
            await session.DisposeAsync();
            diagnostics.Add(ProviderDiagnostics.From(ex, session.Description));
            return await FailAsync(diagnostics);
        }

        var differences = plan.Fingerprint.Compare(StateFingerprint.Compute(live, observed));
        if (differences.Count > 0)
        {
            await session.DisposeAsync();
            diagnostics.Add(Stale(planFile, differences));
            return await FailAsync(diagnostics);
        }

        var recomputed = Planner.Plan(new PlanRequest
        {
            Desired = read.Objects,
            Kinds = KindCatalog.All,
            Live = live,
            Options = options,
            ObservedTypes = observed,
        }) with { Target = session.TargetId };
        var mismatches = PlanEquivalence.Differences(plan, recomputed);
        if (mismatches.Count > 0 || recomputed.HasErrors)
        {
            await session.DisposeAsync();
            diagnostics.AddRange(recomputed.Diagnostics.Where(d => d.Severity == Severity.Error));
            if (mismatches.Count > 0)
            {
                diagnostics.Add(Mismatch(planFile, mismatches));
            }

            return await FailAsync(diagnostics);
        }

        return (new PlannedRun(read, session, live, observed, recomputed), recomputed);
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

    private async Task<(PlannedRun?, Engine.Plans.Plan?)> FailAsync(DiagnosticBag diagnostics)
    {
        await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
        return (null, null);
    }
}
