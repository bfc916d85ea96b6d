using Microsoft.Extensions.Logging;
using PamOperator.Core.Providers;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Manifests.Kinds;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Observe, Plan, Apply for one batch against an opened PAM, then an outcome for every member: ONE observation (list
/// calls for the types the batch needs), ONE plan, ONE apply. The PAM id comes from the apply's step (creates) or
/// from the observation; when a create does not report it (assignments), the key is requeued so the next observation
/// records it. A PAM object already gone when its CR is deleted plans as nothing to do (not an error).
/// </summary>
internal sealed class BatchExecutor(ProviderConnection connection, OperatorMetrics metrics, ILogger logger)
{
    public async Task ExecuteAsync(BatchInputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.Desired.Count == 0 && inputs.Removed.Count == 0)
        {
            return;
        }

        var provider = connection.Provider!;
        var observed = ObservationScope.For(inputs.Desired.Select(m => m.Manifest), KindCatalog.All, false, inputs.Removed.Select(m => m.Manifest));
        LiveState live;
        try
        {
            metrics.Observed();
            live = await provider.Reader.ObserveAsync(observed, cancellationToken);
        }
        catch (PamApiException e)
        {
            Fail(inputs, ConditionReasons.ProviderUnavailable, $"observing the PAM failed ({e.Kind}): {e.Message}");
            return;
        }

        var planned = BatchPlanner.Plan(inputs, live, observed);
        if (planned.Plan is not { } plan)
        {
            Fail(inputs, ConditionReasons.ReconcileFailed, planned.Failure!);
            return;
        }

        var result = plan.HasChanges ? await ApplyAsync(plan, live, inputs, cancellationToken) : null;
        Conclude(inputs, plan, result);
    }

    private async Task<ApplyResult> ApplyAsync(Plan plan, LiveState live, BatchInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            return await Applier.ApplyAsync(new ApplyRequest
            {
                Plan = plan,
                Live = live,
                Writer = connection.Provider!.Writer,
                Kinds = KindCatalog.All,
                Secrets = inputs.Secrets,
                Parallelism = connection.Config?.Parallelism ?? 10,
            }, cancellationToken);
        }
        catch (PamApiException e)
        {
            logger.LogWarning("apply failed: {Error}", e.Message);
            return new ApplyResult { Succeeded = false, RootCause = $"{e.Kind}: {e.Message}" };
        }
    }

    private static void Conclude(BatchInputs inputs, Plan plan, ApplyResult? result)
    {
        var changes = plan.Changes.ToDictionary(c => c.Address.ToString(), StringComparer.Ordinal);
        var steps = (result?.Steps ?? []).GroupBy(s => s.Step.Change.Address.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var failure = result is { Succeeded: false } ? result.RootCause ?? string.Join("; ", result.Diagnostics.Select(d => d.Summary)) : null;
        foreach (var member in inputs.Desired.Concat(inputs.Removed))
        {
            var change = changes.GetValueOrDefault(member.Address);
            var memberSteps = steps.GetValueOrDefault(member.Address) ?? [];
            var changed = change is not null && change.Action != PlanAction.NoOp;
            if (changed && failure is not null && (memberSteps.Count == 0 || !memberSteps.All(s => s.Status == StepStatus.Succeeded)))
            {
                var message = memberSteps.FirstOrDefault(s => s.Message is not null)?.Message ?? failure;
                inputs.Outcomes[member.Resource.Key] = ObjectOutcome.Failed(ConditionReasons.ReconcileFailed, $"apply failed: {message}");
                continue;
            }

            if (changed)
            {
                inputs.Writes[member.Resource.Key] = (EventReason(change!.Action), $"{change.Action} {member.Address} in the PAM");
            }

            if (inputs.Removed.Contains(member))
            {
                continue;
            }

            var id = memberSteps.LastOrDefault(s => s.ExternalId is not null)?.ExternalId ?? change?.ExternalId;
            inputs.Outcomes[member.Resource.Key] = change is { IsDriftOnly: true }
                ? new ObjectOutcome(false, true, ConditionReasons.DriftDetected, "The PAM object differs; managementPolicies forbid changing it.", id)
                : ObjectOutcome.Succeeded(id, inputs.Secrets.Hash(member.Address)) with { Retry = id is null };
        }
    }

    private static string EventReason(PlanAction action) => action switch
    {
        PlanAction.Create => "Created",
        PlanAction.Delete => "Deleted",
        PlanAction.Replace => "Replaced",
        _ => "Updated",
    };

    private static void Fail(BatchInputs inputs, string reason, string message)
    {
        foreach (var member in inputs.Desired.Concat(inputs.Removed))
        {
            inputs.Outcomes[member.Resource.Key] = ObjectOutcome.Failed(reason, message);
        }
    }
}
