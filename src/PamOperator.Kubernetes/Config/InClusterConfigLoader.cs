using System.Security.Cryptography.X509Certificates;

namespace PamOperator.Kubernetes.Config;

/// <summary>
/// The in-cluster service-account configuration: https://KUBERNETES_SERVICE_HOST:KUBERNETES_SERVICE_PORT, the CA and
/// namespace files, and the token file (re-read per request because it rotates).
/// </summary>
public static class InClusterConfigLoader
{
    public const string DefaultRoot = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>True when the environment variables and the token file are present.</summary>
    public static bool IsInCluster(string root = DefaultRoot, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && File.Exists(Path.Combine(root, "token"));
    }

    /// <summary>Loads the configuration; <paramref name="root"/> and <paramref name="environment"/> are injectable for tests.</summary>
    public static KubernetesClientConfiguration Load(string root = DefaultRoot, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubernetesConfigException("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set");
        }

        var tokenFile = Path.Combine(root, "token");
        if (!File.Exists(tokenFile))
        {
            throw new KubernetesConfigException($"service account token file {tokenFile} does not exist");
        }

        var authorities = new X509Certificate2Collection();
        var caFile = Path.Combine(root, "ca.crt");
        if (File.Exists(caFile))
        {
            authorities.ImportFromPemFile(caFile);
        }

        var nsFile = Path.Combine(root, "namespace");
        var hostPart = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesClientConfiguration(new Uri($"https://{hostPart}:{port}/"))
        {
            TokenFile = tokenFile,
            CertificateAuthorities = authorities,
            Namespace = File.Exists(nsFile) ? File.ReadAllText(nsFile).Trim() : "default",
        };
    }
}
