using Microsoft.Extensions.Logging;
using PamOperator.Core.Providers;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Runs;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Observe, Plan, Apply for one batch against an opened PAM, then an outcome for every member: ONE observation (list
/// calls for the types the batch needs), ONE plan, ONE apply. The PAM id comes from the apply's step (creates) or
/// from the observation; when a create does not report it (assignments), the key is requeued so the next observation
/// records it. A PAM object already gone when its CR is deleted plans as nothing to do (not an error).
/// </summary>
internal sealed class BatchExecutor(ProviderConnection connection, OperatorMetrics metrics, ILogger logger, string journalDirectory, TimeProvider time)
{
    public async Task ExecuteAsync(BatchInputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.Desired.Count == 0 && inputs.Removed.Count == 0)
        {
            return;
        }

        var target = new PamTarget
        {
            Name = connection.Config!.Name,
            Description = $"{connection.Config.Vendor} at {connection.Config.Endpoint} (ProviderConfig {connection.Config.Name})",
            Connection = connection.Connection!,
            Kinds = connection.Module!.Kinds,
            Desired = [.. inputs.Desired.Select(m => m.Manifest)],
            Removed = [.. inputs.Removed.Select(m => m.Manifest)],
            Parallelism = connection.Config.Parallelism,
        };
        metrics.Observed();
        var observed = await Reconciliation.PlanAsync(target, null, cancellationToken);
        inputs.Observed = true;
        if (observed.Failure is { } failure)
        {
            inputs.ObserveFailure = $"{failure.Summary}: {failure.Detail}";
            Fail(inputs, ConditionReasons.ProviderUnavailable, $"observing the PAM failed: {failure.Summary}: {failure.Detail}");
            return;
        }

        var planned = BatchPlanner.Plan(inputs, observed.Live, observed.ObservedTypes, target.Kinds);
        if (planned.Plan is not { } plan)
        {
            Fail(inputs, ConditionReasons.ReconcileFailed, planned.Failure!);
            return;
        }

        var result = plan.HasChanges ? await ApplyAsync(observed with { Plan = plan }, inputs, cancellationToken) : null;
        Conclude(inputs, plan, result);
    }

    /// <summary>Applies in the vendor's transaction; intent is journaled before each write of a session without one.</summary>
    private async Task<ApplyResult> ApplyAsync(PamPlan section, BatchInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            return await Reconciliation.ApplyAsync(section, new ApplyServices
            {
                Secrets = inputs.Secrets,
                Journal = FileApplyJournal.InDirectory(journalDirectory, time, section.Target.Name),
                Time = time,
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
        // The refused write in manifest terms (Kind/name, the PAM's message with wire ids named), else the root cause.
        var failure = result is { Succeeded: false }
            ? result.Failure?.ToString() ?? result.RootCause ?? string.Join("; ", result.Diagnostics.Select(d => d.Summary))
            : null;
        foreach (var member in inputs.Desired.Concat(inputs.Removed))
        {
            var change = changes.GetValueOrDefault(member.Address);
            var memberSteps = steps.GetValueOrDefault(member.Address) ?? [];
            var changed = change is not null && change.Action != PlanAction.NoOp;
            if (changed && failure is not null && (memberSteps.Count == 0 || !memberSteps.All(s => s.Status == StepStatus.Succeeded)))
            {
                var own = result?.Failure is { } refused && memberSteps.Any(s => s.Step.Name == refused.Step.Name);
                var message = own ? failure : memberSteps.FirstOrDefault(s => s.Message is not null)?.Message is { } skipped ? $"{skipped} ({failure})" : failure;
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
                : ObjectOutcome.Succeeded(id, inputs.Secrets.Hash(member.Address)) with { Retry = id is null, AtProvider = change?.Status };
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
