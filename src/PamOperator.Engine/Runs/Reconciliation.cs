using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Planning;

namespace PamOperator.Engine.Runs;

/// <summary>
/// The one orchestration of observe, plan and apply, used by <c>plan</c>, <c>apply</c>, <c>apply PLANFILE</c>,
/// <c>import</c> and the operator: each PAM on its own connection and in its own transaction, independent PAMs
/// concurrently. Progress goes through hooks; PAM failures become diagnostics of the PAM's section, never exceptions
/// (cancellation excepted). Never prints.
/// </summary>
public static class Reconciliation
{
    /// <summary>Observes what <paramref name="target"/>'s plan needs (list calls only) and plans. Never writes.</summary>
    public static async Task<PamPlan> PlanAsync(PamTarget target, IPlanHooks? hooks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = Request(target);
        var types = ObservationScope.For(request.Desired, request.Kinds, request.Options.Prune, request.Removed);
        var live = await ObserveAsync(target, types, hooks, cancellationToken).ConfigureAwait(false);
        if (live.Failure is { } failure)
        {
            return PamPlan.Failed(target, failure);
        }

        var plan = Planner.Plan(request with { Live = live.State!, ObservedTypes = types }) with { Target = target.TargetIdentity };
        hooks?.PlanFinished(target.Name, plan.Summary, plan.Changes.Count);
        return new PamPlan { Target = target, Plan = plan, Live = live.State!, ObservedTypes = types };
    }

    /// <summary>Plans every target concurrently; sections in the order given.</summary>
    public static async Task<RunPlan> PlanAllAsync(IReadOnlyList<PamTarget> targets, IPlanHooks? hooks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var sections = await Task.WhenAll(targets.Select(t => PlanAsync(t, hooks, cancellationToken))).ConfigureAwait(false);
        return new RunPlan(sections);
    }

    /// <summary>Observes everything of the kinds the target manages (for import and list), reporting progress through
    /// <paramref name="hooks"/> (no PlanFinished: nothing is planned for people). Never writes.</summary>
    public static async Task<PamPlan> ObserveAllAsync(PamTarget target, IReadOnlyList<KindDescriptor> kinds, IPlanHooks? hooks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var types = ObservationScope.For([], kinds, prune: true);
        var live = await ObserveAsync(target, types, hooks, cancellationToken).ConfigureAwait(false);
        return live.Failure is { } failure
            ? PamPlan.Failed(target, failure)
            : new PamPlan { Target = target, Plan = Planner.Plan(Request(target) with { Live = live.State!, ObservedTypes = types }), Live = live.State!, ObservedTypes = types };
    }

    /// <summary>Applies one section's plan in the vendor's transaction (see <see cref="Applier"/>).</summary>
    public static Task<ApplyResult> ApplyAsync(PamPlan section, ApplyServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(services);
        return Applier.ApplyAsync(new ApplyRequest
        {
            Plan = section.Plan,
            Live = section.Live,
            Writer = section.Target.Connection.Writer,
            Kinds = section.Target.Kinds,
            Secrets = services.Secrets,
            Parallelism = services.Parallelism ?? section.Target.Parallelism,
            Hooks = services.Hooks,
            Journal = services.Journal,
            Time = services.Time,
            Redactor = services.Redactor,
        }, cancellationToken);
    }

    /// <summary>Applies every section with changes, independent PAMs concurrently, each in its own transaction; a
    /// failure in one never stops or undoes another. Results by PAM name, in section order.</summary>
    public static async Task<IReadOnlyList<(PamPlan Section, ApplyResult Result)>> ApplyAllAsync(
        RunPlan run, Func<PamPlan, ApplyServices> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(services);
        var results = await Task.WhenAll(run.Pams.Select(async section => (section, section.Plan.HasChanges
            ? await ApplyAsync(section, services(section), cancellationToken).ConfigureAwait(false)
            : new ApplyResult { Succeeded = true }))).ConfigureAwait(false);
        return results;
    }

    private static PlanRequest Request(PamTarget target) => new()
    {
        Desired = target.Desired,
        Kinds = target.Kinds,
        Options = target.Options,
        Removed = target.Removed,
    };

    private static async Task<(LiveState? State, Core.Diagnostics.Diagnostic? Failure)> ObserveAsync(
        PamTarget target, IReadOnlyList<ObjectType> types, IPlanHooks? hooks, CancellationToken cancellationToken)
    {
        hooks?.ObserveStarted(target.Name, types);
        try
        {
            var reader = target.Connection.Reader;
            var live = await (hooks is null
                ? reader.ObserveAsync(types, cancellationToken)
                : reader.ObserveAsync(types, new ObserveProgressHooks(target.Name, hooks), cancellationToken)).ConfigureAwait(false);
            foreach (var type in types)
            {
                hooks?.ObserveFinished(target.Name, type, live.OfType(type).Count);
            }

            return (live, null);
        }
        catch (PamApiException ex)
        {
            var failure = ProviderDiagnostics.From(ex, target.Description);
            hooks?.ObserveFailed(target.Name, failure);
            return (null, failure);
        }
    }
}
