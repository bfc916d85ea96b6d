using PamOperator.Manifests.Secrets;
using PamOperator.Operator.Reconciling;

namespace PamOperator.Operator.Resources;

/// <summary>
/// Which cached custom resources read a given Kubernetes Secret through <c>valueFrom.secretKeyRef</c>: vendor objects
/// (namespace of the reference, else the object's) and ProviderConfigs (namespace of the reference, else the
/// operator's default), the same rule the batch uses to fetch them. Reads specs only; knows nothing of Secret data.
/// </summary>
internal static class SecretReferrers
{
    /// <summary>Every cached resource whose spec references Secret <paramref name="ns"/>/<paramref name="name"/>.
    /// A scan of the cache: cheap next to the reconcile it triggers.</summary>
    public static IReadOnlyList<CustomResource> Of(ResourceCache cache, string ns, string name, string defaultNamespace) =>
        [.. cache.All().Where(r => References(r, ns, name, defaultNamespace))];

    private static bool References(CustomResource resource, string ns, string name, string defaultNamespace) =>
        ResolvedSecrets.ReferencesIn(resource.Spec).Any(reference =>
            reference.Source == SecretSource.KubernetesSecret
            && string.Equals(reference.Name, name, StringComparison.Ordinal)
            && string.Equals(reference.Namespace ?? resource.Key.Namespace ?? defaultNamespace, ns, StringComparison.Ordinal));
}
