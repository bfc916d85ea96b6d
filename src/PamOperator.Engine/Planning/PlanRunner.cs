using PamOperator.Core.Providers;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Observe, then plan: computes the <see cref="ObservationScope"/>, lists those types through the vendor's
/// <see cref="ILiveStateReader"/> (the only I/O), and runs the pure <see cref="Planner"/>. Reports progress through
/// <see cref="IPlanHooks"/>. Never writes to the PAM.
/// </summary>
public sealed class PlanRunner(ILiveStateReader reader, IPlanHooks? hooks = null)
{
    private readonly IPlanHooks _hooks = hooks ?? NullPlanHooks.Instance;

    /// <summary>Plans <paramref name="request"/> against freshly observed live state (its <c>Live</c> and
    /// <c>ObservedTypes</c> are replaced). Throws <see cref="PamApiException"/> when the PAM cannot be read and
    /// <see cref="OperationCanceledException"/> on cancellation.</summary>
    public async Task<Plan> RunAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var types = ObservationScope.For(request.Desired, request.Kinds, request.Options.Prune, request.Removed);
        _hooks.ObserveStarted(types);
        var live = await reader.ObserveAsync(types, cancellationToken).ConfigureAwait(false);
        foreach (var type in types)
        {
            _hooks.ObserveFinished(type, live.OfType(type).Count);
        }

        var plan = Planner.Plan(request with { Live = live, ObservedTypes = types });
        _hooks.PlanFinished(plan.Summary, plan.Changes.Count);
        return plan;
    }
}
