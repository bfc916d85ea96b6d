using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Core.Security;
using PamOperator.Kubernetes;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Reads keys of Kubernetes Secrets for one batch (each Secret fetched once per batch). Values stay in memory only and
/// are never logged; failures are returned as messages that name the Secret and key, never a value.
/// With a watch namespace set, only Secrets of that namespace and of the operator's own are read (the RBAC then grants
/// no more), and every value read is registered with the <see cref="SecretRedactor"/>, so statuses, events and logs
/// never show it even when a PAM echoes it back.
/// </summary>
internal sealed class SecretFetcher(IKubernetesApi api, string defaultNamespace, SecretRedactor redactor, IReadOnlyCollection<string>? namespaces = null)
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
        if (namespaces is not null && !namespaces.Contains(ns, StringComparer.Ordinal))
        {
            return (null, $"Secret {ns}/{reference.Name} is outside the namespaces this operator reads ({string.Join(", ", namespaces)})");
        }

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
            return (Registered(Encoding.UTF8.GetString(Convert.FromBase64String(encoded))), null);
        }

        return secret["stringData"]?[reference.Key] is JsonValue plain && plain.TryGetValue(out string? text)
            ? (Registered(text), null)
            : (null, $"Secret {ns}/{reference.Name} has no key {reference.Key}");
    }

    private string Registered(string value)
    {
        redactor.Register(value);
        redactor.Register(value.Trim());
        return value;
    }
}
