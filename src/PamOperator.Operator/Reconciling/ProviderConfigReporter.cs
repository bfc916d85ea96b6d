using PamOperator.Kubernetes;
using PamOperator.Core.Providers;
using PamOperator.Operator.Resources;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Makes a ProviderConfig a first-class resource at the end of each batch of its group:
/// status conditions (Ready when its credentials resolve and the PAM answers: the batch's observation, or one list
/// call of one kind when the batch observed nothing), <c>status.users</c> (how many objects use it), and an in-use
/// guard after Crossplane's ProviderConfigUsage: while objects use it, the ProviderConfig carries the
/// <see cref="CustomResource.InUseFinalizer"/>, so a deletion waits (Ready False, reason Deleting, the users named)
/// until the last of them is gone; then the finalizer is released and a Deleted event recorded.
/// </summary>
internal sealed class ProviderConfigReporter(ResourceCache cache, ResourceWriter writer, EventRecorder events)
{
    public async Task ReportAsync(string name, ProviderConnection connection, BatchInputs inputs, CancellationToken cancellationToken)
    {
        if (cache.Get(new ResourceKey(OperatorKind.ProviderConfig.Id, null, name)) is not { } config)
        {
            return;
        }

        var users = cache.MembersOf(name).Where(m => !m.IsDeleting || m.HasFinalizer).ToList();
        var held = config.Object.Finalizers().Contains(CustomResource.InUseFinalizer);
        if (config.IsDeleting && users.Count == 0)
        {
            if (held && await writer.SetFinalizerAsync(config, present: false, cancellationToken, CustomResource.InUseFinalizer))
            {
                await events.RecordAsync(config, warning: false, "Deleted", "no object uses it any more: deletion proceeds", cancellationToken);
            }

            return;
        }

        if (!config.IsDeleting && !held && await writer.SetFinalizerAsync(config, present: true, cancellationToken, CustomResource.InUseFinalizer))
        {
            config = cache.Get(config.Key) ?? config;
        }

        var outcome = config.IsDeleting
            ? ObjectOutcome.Failed(ConditionReasons.Deleting,
                $"deletion waits until no object uses it: {users.Count} do ({string.Join(", ", users.Take(5).Select(u => u.Key.ToString()))}{(users.Count > 5 ? ", ..." : "")})")
            : await ReadyAsync(connection, inputs, cancellationToken);
        await writer.WriteStatusAsync(config, outcome, cancellationToken, status => status["users"] = users.Count);
    }

    private static async Task<ObjectOutcome> ReadyAsync(ProviderConnection connection, BatchInputs inputs, CancellationToken cancellationToken)
    {
        if (connection.Connection is null || connection.Module is null)
        {
            return ObjectOutcome.Failed(connection.FailureReason ?? ConditionReasons.ProviderUnavailable, connection.FailureMessage ?? "the PAM cannot be reached");
        }

        if (inputs.Observed)
        {
            return inputs.ObserveFailure is { } failure
                ? ObjectOutcome.Failed(ConditionReasons.ProviderUnavailable, $"observing the PAM failed: {failure}")
                : Answered;
        }

        var probe = connection.Module.Kinds.FirstOrDefault(k => k.Capability != Core.Schema.KindCapability.Selector) ?? connection.Module.Kinds[0];
        try
        {
            await connection.Connection.Reader.ObserveAsync([probe.Type], cancellationToken);
            return Answered;
        }
        catch (PamApiException e)
        {
            return ObjectOutcome.Failed(ConditionReasons.ProviderUnavailable, $"the PAM did not answer: {e.Kind}: {e.Message}");
        }
    }

    private static ObjectOutcome Answered { get; } = new(true, true, ConditionReasons.Available, "The credentials resolve and the PAM answers.");
}
