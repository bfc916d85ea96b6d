using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PamOperator.Kubernetes.Config;

/// <summary>
/// Reads a kubeconfig file: the chosen (or current) context's cluster (server, certificate-authority(-data),
/// insecure-skip-tls-verify), user (token, tokenFile, client-certificate(-data), client-key(-data)) and namespace.
/// Relative file paths are resolved against the kubeconfig's directory. Exec and auth-provider plugins are not supported.
/// </summary>
public static class KubeConfigLoader
{
    /// <summary>The default path: $KUBECONFIG (first entry) or ~/.kube/config.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0)
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");

    public static KubernetesClientConfiguration Load(string path, string? context = null)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw new KubernetesConfigException($"kubeconfig {path} is empty");
        }
        catch (YamlException e)
        {
            throw new KubernetesConfigException($"kubeconfig {path} is not valid YAML (line {e.Start.Line})", e);
        }

        var contextName = context ?? Scalar(root, "current-context")
            ?? throw new KubernetesConfigException($"kubeconfig {path} has no current-context and none was given");
        var ctx = Named(root, "contexts", contextName, "context")
            ?? throw new KubernetesConfigException($"kubeconfig {path} has no context named \"{contextName}\"");
        var clusterName = Scalar(ctx, "cluster") ?? string.Empty;
        var cluster = Named(root, "clusters", clusterName, "cluster")
            ?? throw new KubernetesConfigException($"kubeconfig {path}: context \"{contextName}\" names a missing cluster \"{clusterName}\"");
        var user = Scalar(ctx, "user") is { } userName ? Named(root, "users", userName, "user") : null;
        var server = Scalar(cluster, "server")
            ?? throw new KubernetesConfigException($"kubeconfig {path}: cluster \"{clusterName}\" has no server");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return new KubernetesClientConfiguration(new Uri(server.EndsWith('/') ? server : server + "/"))
        {
            Namespace = Scalar(ctx, "namespace") ?? "default",
            SkipTlsVerify = Scalar(cluster, "insecure-skip-tls-verify") == "true",
            CertificateAuthorities = Authorities(cluster, directory),
            AccessToken = user is null ? null : Scalar(user, "token"),
            TokenFile = user is not null && Scalar(user, "tokenFile") is { } tokenFile ? Path.Combine(directory, tokenFile) : null,
            ClientCertificate = user is null ? null : ClientCertificate(user, directory),
        };
    }

    private static X509Certificate2Collection Authorities(YamlMappingNode cluster, string directory)
    {
        var pem = Pem(cluster, "certificate-authority", directory);
        var collection = new X509Certificate2Collection();
        if (pem is not null)
        {
            collection.ImportFromPem(pem);
        }

        return collection;
    }

    private static X509Certificate2? ClientCertificate(YamlMappingNode user, string directory)
    {
        var cert = Pem(user, "client-certificate", directory);
        var key = Pem(user, "client-key", directory);
        if (cert is null || key is null)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(cert, key);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The exception text of the crypto stack names no key material; ours names only the fields.
            throw new KubernetesConfigException("kubeconfig client-certificate/client-key could not be read as a PEM certificate and key", e);
        }
    }

    /// <summary>The <c>{field}-data</c> (base64 PEM) or the <c>{field}</c> file's content, or null.</summary>
    private static string? Pem(YamlMappingNode node, string field, string directory)
    {
        if (Scalar(node, field + "-data") is { } data)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw new KubernetesConfigException($"kubeconfig {field}-data is not valid base64", e);
            }
        }

        return Scalar(node, field) is { } file ? File.ReadAllText(Path.Combine(directory, file)) : null;
    }

    private static YamlMappingNode? Named(YamlMappingNode root, string list, string name, string inner) =>
        (Child(root, list) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .Where(n => Scalar(n, "name") == name)
            .Select(n => Child(n, inner) as YamlMappingNode)
            .FirstOrDefault();

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
