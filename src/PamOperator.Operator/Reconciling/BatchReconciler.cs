using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PamOperator.Core.Security;
using PamOperator.Kubernetes;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Resources;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Reconciles one batch of changed keys of ONE ProviderConfig, in phases: Open (the PAM), Load (every member through
/// the manifest reader, secrets), Finalize (add the finalizer before any write), Observe (ONE set of list calls),
/// Plan (ONE plan: desired = live CRs, removed = CRs being deleted), Apply (ONE apply, inside the vendor's
/// transaction), Report (outcomes, finalizer release, status of the batch's keys, events).
/// Returns the outcome of each key of the batch so the queue can retry with backoff. Never throws for PAM or user
/// problems; throws only for cancellation and bugs.
/// </summary>
internal sealed class BatchReconciler(
    IKubernetesApi api, ResourceCache cache, ManifestConverter converter, OperatorMetrics metrics, TimeProvider time, ILogger logger, string defaultNamespace,
    string journalDirectory, SecretRedactor redactor, IReadOnlyCollection<string>? secretNamespaces = null)
{
    private readonly ResourceWriter _writer = new(api, cache, time, redactor);
    private readonly EventRecorder _events = new(api, defaultNamespace, time, logger, redactor);
    private readonly ProviderPool _providers = new();

    public async Task<IReadOnlyDictionary<ResourceKey, ObjectOutcome>> ReconcileAsync(
        string providerConfig, IReadOnlyCollection<ResourceKey> batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.BatchStarted();
        var members = cache.MembersOf(providerConfig);
        var secrets = new SecretFetcher(api, defaultNamespace, redactor, secretNamespaces);
        var connector = new ProviderConnector(cache, converter, () => secrets, metrics, _providers);
        await using var connection = await connector.OpenAsync(providerConfig, cancellationToken);
        var inputs = await new BatchLoader(converter, secrets, time).LoadAsync(members, cancellationToken);
        if (connection.Connection is null)
        {
            FailAll(inputs, connection.FailureReason!, connection.FailureMessage!);
        }
        else
        {
            await FinalizeAsync(inputs, cancellationToken);
            await new BatchExecutor(connection, metrics, logger, journalDirectory, time).ExecuteAsync(inputs, cancellationToken);
            await ReleaseAsync(inputs, cancellationToken);
        }

        var outcomes = await ReportAsync(inputs, batch, cancellationToken);
        await new ProviderConfigReporter(cache, _writer, _events).ReportAsync(providerConfig, connection, inputs, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var kind in members.Select(m => m.Kind.Descriptor.Kind).Distinct(StringComparer.Ordinal))
        {
            metrics.Duration(kind, elapsed);
        }

        logger.LogInformation("reconciled {Keys} key(s) of ProviderConfig {ProviderConfig} ({Members} object(s)) in {ElapsedMs} ms",
            batch.Count, providerConfig, members.Count, (long)elapsed.TotalMilliseconds);
        return outcomes;
    }

    private static void FailAll(BatchInputs inputs, string reason, string message)
    {
        foreach (var member in inputs.Desired.Concat(inputs.Removed))
        {
            inputs.Outcomes[member.Resource.Key] = ObjectOutcome.Failed(reason, message);
        }

        inputs.Desired.Clear();
        inputs.Removed.Clear();
        inputs.Release.Clear();
    }

    private async Task FinalizeAsync(BatchInputs inputs, CancellationToken cancellationToken)
    {
        foreach (var member in inputs.Desired.Where(m => !m.Resource.HasFinalizer).ToList())
        {
            if (!await _writer.SetFinalizerAsync(member.Resource, present: true, cancellationToken))
            {
                inputs.Desired.Remove(member);
                inputs.Outcomes[member.Resource.Key] = ObjectOutcome.Failed(ConditionReasons.ReconcileFailed, "the object changed while adding the finalizer; retrying");
            }
        }
    }

    private async Task ReleaseAsync(BatchInputs inputs, CancellationToken cancellationToken)
    {
        foreach (var resource in inputs.Removed.Where(m => !inputs.Outcomes.ContainsKey(m.Resource.Key)).Select(m => m.Resource).Concat(inputs.Release))
        {
            var current = cache.Get(resource.Key) ?? resource;
            if (!await _writer.SetFinalizerAsync(current, present: false, cancellationToken))
            {
                inputs.Outcomes[resource.Key] = ObjectOutcome.Failed(ConditionReasons.Deleting, "the object changed while releasing the finalizer; retrying");
                continue;
            }

            var deleted = inputs.Writes.Remove(resource.Key, out var write) ? write.Message : "released: nothing to delete in the PAM (orphaned or already gone)";
            await _events.RecordAsync(current, warning: false, "Deleted", deleted, cancellationToken);
        }
    }

    private async Task<Dictionary<ResourceKey, ObjectOutcome>> ReportAsync(BatchInputs inputs, IReadOnlyCollection<ResourceKey> batch, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ResourceKey, ObjectOutcome>();
        foreach (var key in batch)
        {
            if (cache.Get(key) is not { } resource || resource.Kind.IsProviderConfig || !inputs.Outcomes.TryGetValue(key, out var outcome))
            {
                continue;
            }

            result[key] = outcome;
            metrics.Reconciled(resource.Kind.Descriptor.Kind, outcome.Synced);
            if (!outcome.Synced && !outcome.Paused)
            {
                logger.LogWarning("{Resource}: {Reason}: {Message}", key.ToString(), outcome.Reason, outcome.Message);
                await _events.RecordAsync(resource, warning: true, outcome.Reason, outcome.Message, cancellationToken);
            }

            if (inputs.Writes.TryGetValue(key, out var written))
            {
                await _events.RecordAsync(resource, warning: false, written.Reason, written.Message, cancellationToken);
            }

            await _writer.WriteStatusAsync(resource, outcome, cancellationToken);
        }

        return result;
    }
}
