using System.Globalization;
using PamOperator.Operator.Resources;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Load phase of a batch: reads every member of a ProviderConfig through the manifest reader, splits them into desired
/// and removed, fetches their Kubernetes Secrets, and asks for a secret rotation (rotateSecretAfter = now) when the
/// hash of the values differs from the status's lastAppliedSecretHash, so a changed Secret is sent exactly once.
/// </summary>
internal sealed class BatchLoader(ManifestConverter converter, SecretFetcher secrets, TimeProvider time)
{
    /// <summary>The spec field that asks the planner to re-send secrets (the engine's SecretRotation reads it).</summary>
    private const string RotateSecretAfter = "rotateSecretAfter";

    public async Task<BatchInputs> LoadAsync(IReadOnlyList<CustomResource> members, CancellationToken cancellationToken)
    {
        var inputs = new BatchInputs();
        foreach (var resource in members)
        {
            if (resource.IsDeleting && !resource.HasFinalizer)
            {
                continue;
            }

            if (resource.IsPaused)
            {
                inputs.Outcomes[resource.Key] = ObjectOutcome.PausedNow;
                continue;
            }

            var read = await converter.ConvertAsync(resource, cancellationToken);
            if (!read.IsValid || read.Object is null)
            {
                if (resource.IsDeleting)
                {
                    inputs.Release.Add(resource);
                }
                else
                {
                    inputs.Outcomes[resource.Key] = ObjectOutcome.Failed(ConditionReasons.InvalidSpec, read.Message, retry: false);
                }

                continue;
            }

            var member = new BatchMember(resource, read.Object);
            if (resource.IsDeleting)
            {
                inputs.Removed.Add(member);
            }
            else if (await ResolveSecretsAsync(member, inputs, cancellationToken) is { } ready)
            {
                inputs.Desired.Add(ready);
            }
        }

        return inputs;
    }

    private async Task<BatchMember?> ResolveSecretsAsync(BatchMember member, BatchInputs inputs, CancellationToken cancellationToken)
    {
        foreach (var reference in ResolvedSecrets.ReferencesIn(member.Manifest.Spec))
        {
            var (value, error) = await secrets.GetAsync(reference, member.Resource.Key.Namespace, cancellationToken);
            if (value is null)
            {
                inputs.Outcomes[member.Resource.Key] = ObjectOutcome.Failed(ConditionReasons.SecretUnavailable, error ?? "secret unavailable");
                return null;
            }

            inputs.Secrets.Add(member.Address, reference, value);
        }

        var applied = member.Resource.Status?["lastAppliedSecretHash"]?.GetValue<string>();
        var current = inputs.Secrets.Hash(member.Address);
        if (applied is null || current is null || applied == current)
        {
            return member;
        }

        var spec = member.Manifest.Spec.DeepClone().AsObject();
        spec[RotateSecretAfter] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return member with { Manifest = member.Manifest with { Spec = spec } };
    }
}
