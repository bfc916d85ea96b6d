using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Kubernetes;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Reads keys of Kubernetes Secrets for one batch (each Secret fetched once per batch). Values stay in memory only and
/// are never logged; failures are returned as messages that name the Secret and key, never a value.
/// </summary>
internal sealed class SecretFetcher(IKubernetesApi api, string defaultNamespace)
{
    private readonly Dictionary<(string Ns, string Name), JsonObject?> _secrets = [];

    /// <summary>The value, or null with Error set.</summary>
    public async Task<(string? Value, string? Error)> GetAsync(SecretReference reference, string? objectNamespace, CancellationToken cancellationToken)
    {
        if (reference.Source != SecretSource.KubernetesSecret || reference.Key is null)
        {
            return (null, $"{reference} cannot be read by the operator: use valueFrom.secretKeyRef");
        }

        var ns = reference.Namespace ?? objectNamespace ?? defaultNamespace;
        if (!_secrets.TryGetValue((ns, reference.Name), out var secret))
        {
            try
            {
                secret = await api.GetAsync(ResourceRef.Secrets, ns, reference.Name, cancellationToken);
            }
            catch (KubernetesStatusException e) when (e.IsNotFound)
            {
                secret = null;
            }

            _secrets[(ns, reference.Name)] = secret;
        }

        if (secret is null)
        {
            return (null, $"Secret {ns}/{reference.Name} does not exist");
        }

        if (secret["data"]?[reference.Key] is JsonValue data && data.TryGetValue(out string? encoded))
        {
            return (Encoding.UTF8.GetString(Convert.FromBase64String(encoded)), null);
        }

        return secret["stringData"]?[reference.Key] is JsonValue plain && plain.TryGetValue(out string? text)
            ? (text, null)
            : (null, $"Secret {ns}/{reference.Name} has no key {reference.Key}");
    }
}
