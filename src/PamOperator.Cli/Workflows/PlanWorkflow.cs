using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Runs;
using PamOperator.Engine.Targeting;
using PamOperator.Manifests;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Read, Open, Observe, Plan: the phases shared by <c>plan</c> and <c>apply</c>, for every PAM of the input at once
/// (each observed and planned on its own, concurrently). Diagnostics of every phase go to stderr as they are known; a
/// phase with errors stops the run before anything is written anywhere.
/// </summary>
/// <param name="console">The process.</param>
/// <param name="forApply">The plan is about to be applied: a secret it writes that cannot be resolved now is an error
/// (nothing is written); for <c>plan</c> it is a warning (a plan job in CI usually has no account secrets).</param>
public sealed class PlanWorkflow(CliConsole console, bool forApply = false)
{
    /// <summary>The secrets the plan writes that cannot be resolved now (unset variable, missing or refused file), at
    /// their <c>secret:</c> field: warnings for plan, errors for apply.</summary>
    public IReadOnlyList<Diagnostic> SecretProblems { get; private set; } = [];

    private readonly List<Diagnostic> _reported = [];

    /// <summary>Every diagnostic this workflow printed, in order: what a JSON or markdown view of a run that stopped
    /// early still shows.</summary>
    public IReadOnlyList<Diagnostic> Reported => _reported;

    /// <summary>The planned run, or null when diagnostics (already printed) stopped it before any PAM was read.</summary>
    public async Task<PlannedRun?> RunAsync(PlanInputs inputs, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(inputs, cancellationToken);
        if (read is null)
        {
            return null;
        }

        Diagnostic? targeting = null;
        if (inputs.IsTargeted)
        {
            var selection = new DiagnosticBag();
            var selected = ObjectSelection.Select(read.Objects, inputs.Targets ?? [], inputs.Selector, selection);
            await ReportAsync(selection);
            if (selection.HasErrors)
            {
                return null;
            }

            targeting = ObjectSelection.Warning(inputs.Targets ?? [], inputs.Selector, selected.Count);
            read = read with { Objects = selected };
        }

        var diagnostics = new DiagnosticBag();
        var targets = await PamTargets.OpenAsync(read, config => Options(inputs, config), console, diagnostics, cancellationToken, embedded: inputs.Embedded);
        if (targets is null)
        {
            await ReportAsync(diagnostics);
            return null;
        }

        try
        {
            RunPlan plan;
            using (console.Progress.Show())
            {
                plan = await Reconciliation.PlanAllAsync(targets.Targets, console.Progress.PlanHooks, cancellationToken);
            }

            if (targeting is not null)
            {
                // Each section carries the warning, so a saved plan (and show, JSON, markdown) records the targeting.
                plan = new RunPlan([.. plan.Pams.Select(p => p with { Plan = p.Plan with { Diagnostics = [targeting, .. p.Plan.Diagnostics] } })]);
            }

            await ReportAsync(plan.Diagnostics);
            SecretProblems = plan.HasErrors ? [] : CheckSecrets(read, plan);
            await ReportAsync(SecretProblems);
            return new PlannedRun(read, targets, plan)
            {
                Selection = inputs.IsTargeted ? new PlanSelection(inputs.Targets ?? [], inputs.Selector) : null,
            };
        }
        catch
        {
            await targets.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads and validates the manifests, printing their diagnostics; null on errors.</summary>
    public async Task<ManifestReadResult?> ReadAsync(PlanInputs inputs, CancellationToken cancellationToken)
    {
        var read = await ManifestReader.ReadAsync(inputs.Paths, console.In, console.Catalog, cancellationToken, console.WorkingDirectory);
        await ReportAsync(read.Diagnostics);
        if (read.HasErrors)
        {
            await console.Error.WriteLineAsync(DiagnosticsTextView.Summary(read.Diagnostics, read.Documents));
            return null;
        }

        return read;
    }

    /// <summary>The plan options of one PAM: prune from the command line or its ProviderConfig, the scope from both.</summary>
    public static PlanOptions Options(PlanInputs inputs, ProviderConfig? config)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var selectors = (config?.Prune.Scope ?? [])
            .Select(e => new ScopeSelector(e.Kinds, e.NamePrefix, e.NameRegex))
            .Concat((inputs.PruneNamePrefixes ?? []).Select(p => ScopeSelector.Prefix(p)))
            .ToList();
        // A targeted plan never prunes (as terraform -target destroys nothing outside the targets).
        var prune = !inputs.IsTargeted && (inputs.Prune || config?.Prune.Enabled == true);
        return new PlanOptions(prune, new PruneScope(selectors), inputs.MaxDeletes ?? config?.Prune.MaxDeletes);
    }

    /// <summary>Resolves (and forgets) every secret the plan would send, as apply will, so that plan says what apply would
    /// reject. Values go to the run's redactor only.</summary>
    private List<Diagnostic> CheckSecrets(ManifestReadResult read, RunPlan plan)
    {
        var source = new CliSecretSource(SecretValueResolver.For(console), read);
        var problems = new List<Diagnostic>();
        foreach (var change in plan.Pams.SelectMany(p => p.Plan.Changes).Where(c => c.Action != Engine.Plans.PlanAction.NoOp))
        {
            foreach (var secret in change.Secrets.Where(s => s.Reference is not null))
            {
                var bag = new DiagnosticBag();
                source.Resolve(secret.Reference!, change, bag);
                problems.AddRange(bag.Select(d => forApply
                    ? Diagnostic.Error(d.Code, $"{d.Summary}; {change.Address} needs it, so nothing was written", d.Detail, d.Location, d.Address)
                    : Diagnostic.Warning(d.Code, $"{d.Summary}; apply of {change.Address} needs it", d.Detail, d.Location, d.Address)));
            }
        }

        return problems;
    }

    private async Task ReportAsync(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        _reported.AddRange(list);
        var text = DiagnosticsTextView.Render(list, color: console.IsInteractive && console.Environment("NO_COLOR") is null);
        if (text.Length > 0)
        {
            await console.Error.WriteAsync(text);
        }
    }
}
