using k8s;
using k8s.Exceptions;

namespace PamOperator.Kubernetes.Config;

/// <summary>
/// Where the operator's configuration comes from, all done by the official client: the in-cluster service account
/// (token file re-read as it rotates, the cluster CA, the pod's namespace) when no kubeconfig is given and
/// KUBERNETES_SERVICE_HOST is set; otherwise a kubeconfig ($KUBECONFIG or ~/.kube/config, or the given path) with
/// every authentication the client supports: tokens, client certificates, exec credential plugins (EKS, GKE, AKS,
/// OIDC helpers, refreshed on expiry) and auth-provider entries. Failures are <see cref="KubernetesConfigException"/>
/// with a message that names the file or context, never a credential.
/// </summary>
public static class KubernetesConfig
{
    public static KubernetesClientConfiguration Load(string? kubeconfig, string? context, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            if (kubeconfig is null && !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")))
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }

            var path = kubeconfig ?? environment("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0)
                ?? KubernetesClientConfiguration.KubeConfigDefaultLocation;
            if (!File.Exists(path))
            {
                throw new KubernetesConfigException($"kubeconfig {path} does not exist");
            }

            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context);
        }
        catch (Exception e) when (e is KubeConfigException or KubernetesClientException or IOException or FormatException
                                      or YamlDotNet.Core.YamlException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubernetesConfigException($"the Kubernetes configuration cannot be used: {Describe(e)}");
        }
    }

    /// <summary>The client's own message for its configuration errors (they name files and contexts); only the type
    /// for the others, whose text could quote a file's content.</summary>
    private static string Describe(Exception e) => e is KubeConfigException ? e.Message : e.GetType().Name;
}
