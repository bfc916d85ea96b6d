using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Engine.Planning;
using PamOperator.Manifests;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// Read, Open, Observe, Plan: the phases shared by <c>plan</c> and <c>apply</c>. Diagnostics of every phase go to
/// stderr as they are known; a phase with errors stops the run before anything is written anywhere.
/// </summary>
public sealed class PlanWorkflow(CliConsole console)
{
    /// <summary>The planned run, or null when diagnostics (already printed) stopped it.</summary>
    public async Task<PlannedRun?> RunAsync(PlanInputs inputs, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(inputs, cancellationToken);
        if (read is null)
        {
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var session = await ProviderSessions.OpenAsync(read, console, diagnostics, cancellationToken);
        if (session is null)
        {
            await ReportAsync(diagnostics);
            return null;
        }

        try
        {
            var options = Options(inputs, session.Config);
            var observed = ObservationScope.For(read.Objects, KindCatalog.All, options.Prune);
            var live = await ObserveAsync(session, observed, diagnostics, cancellationToken);
            if (live is null)
            {
                await ReportAsync(diagnostics);
                await session.DisposeAsync();
                return null;
            }

            var plan = Planner.Plan(new PlanRequest
            {
                Desired = read.Objects,
                Kinds = KindCatalog.All,
                Live = live,
                Options = options,
                ObservedTypes = observed,
            }) with { Target = session.TargetId };
            await ReportAsync(plan.Diagnostics);
            return new PlannedRun(read, session, live, observed, plan);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task<ManifestReadResult?> ReadAsync(PlanInputs inputs, CancellationToken cancellationToken)
    {
        var read = await ManifestReader.ReadAsync(inputs.Paths, console.In, cancellationToken);
        await ReportAsync(read.Diagnostics);
        if (read.HasErrors)
        {
            await console.Error.WriteLineAsync(DiagnosticsTextView.Summary(read.Diagnostics, read.Documents));
            return null;
        }

        return read;
    }

    /// <summary>The planner's options from the command line and the ProviderConfig (also used to recompute a saved plan).</summary>
    internal static PlanOptions Options(PlanInputs inputs, ProviderConfig? config)
    {
        var selectors = (config?.Prune.Scope ?? [])
            .Select(e => new ScopeSelector(e.Kinds, e.NamePrefix, e.NameRegex))
            .Concat((inputs.PruneNamePrefixes ?? []).Select(p => ScopeSelector.Prefix(p)))
            .ToList();
        var prune = inputs.Prune || config?.Prune.Enabled == true;
        return new PlanOptions(prune, new PruneScope(selectors), inputs.MaxDeletes);
    }

    private static async Task<LiveState?> ObserveAsync(
        ProviderSession session, IReadOnlyCollection<string> types, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Provider.Reader.ObserveAsync(types, cancellationToken);
        }
        catch (PamApiException ex)
        {
            diagnostics.Add(ProviderDiagnostics.From(ex, session.Description));
            return null;
        }
    }

    private async Task ReportAsync(IEnumerable<Diagnostic> diagnostics)
    {
        var text = DiagnosticsTextView.Render(diagnostics);
        if (text.Length > 0)
        {
            await console.Error.WriteAsync(text);
        }
    }
}
