using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FluentAssertions;
using PamOperator.Kubernetes.Config;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Config;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private const string Canary = "canary-token-77ab";
    private readonly string _dir = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    [Fact]
    public void Load_CurrentContext_ReadsServerTokenCaClientCertificateAndNamespace()
    {
        var (certPem, keyPem) = SelfSigned("client");
        var (caPem, _) = SelfSigned("ca");
        var path = Write($"""
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: prod-cluster
              cluster:
                server: https://prod.example:6443
                certificate-authority-data: {B64(caPem)}
            - name: dev-cluster
              cluster:
                server: https://dev.example:6443
                insecure-skip-tls-verify: true
            users:
            - name: prod-user
              user:
                token: {Canary}
                client-certificate-data: {B64(certPem)}
                client-key-data: {B64(keyPem)}
            contexts:
            - name: prod
              context: {"{"}cluster: prod-cluster, user: prod-user, namespace: pam{"}"}
            - name: dev
              context: {"{"}cluster: dev-cluster{"}"}
            """);

        var prod = KubeConfigLoader.Load(path);
        var dev = KubeConfigLoader.Load(path, "dev");

        prod.Server.Should().Be(new Uri("https://prod.example:6443/"));
        prod.AccessToken.Should().Be(Canary);
        prod.Namespace.Should().Be("pam");
        prod.CertificateAuthorities.Should().ContainSingle().Which.Subject.Should().Be("CN=ca");
        prod.ClientCertificate!.HasPrivateKey.Should().BeTrue();
        prod.ToString().Should().NotContain(Canary).And.Contain("(sensitive)");
        dev.Server.Host.Should().Be("dev.example");
        dev.SkipTlsVerify.Should().BeTrue();
        dev.Namespace.Should().Be("default", "a context without namespace uses default");
        dev.AccessToken.Should().BeNull();
    }

    [Theory]
    [InlineData("current-context: nowhere\ncontexts: []\nclusters: []\n", "no context named")]
    [InlineData("contexts: []\n", "no current-context")]
    [InlineData("current-context: c\ncontexts:\n- name: c\n  context: {cluster: x}\nclusters: []\n", "missing cluster")]
    public void Load_BrokenKubeconfig_ThrowsConfigErrorNamingTheProblem(string yaml, string expected)
    {
        var load = () => KubeConfigLoader.Load(Write(yaml));

        load.Should().Throw<KubernetesConfigException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void InCluster_FromTempRoot_ReadsHostPortCaNamespaceAndTokenFile()
    {
        var (caPem, _) = SelfSigned("cluster-ca");
        File.WriteAllText(Path.Combine(_dir, "token"), Canary);
        File.WriteAllText(Path.Combine(_dir, "ca.crt"), caPem);
        File.WriteAllText(Path.Combine(_dir, "namespace"), "pam-system\n");
        var env = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["KUBERNETES_SERVICE_PORT"] = "443" };

        var config = InClusterConfigLoader.Load(_dir, k => env.GetValueOrDefault(k));

        InClusterConfigLoader.IsInCluster(_dir, k => env.GetValueOrDefault(k)).Should().BeTrue();
        config.Server.Should().Be(new Uri("https://10.0.0.1:443/"));
        config.Namespace.Should().Be("pam-system");
        config.TokenFile.Should().Be(Path.Combine(_dir, "token"));
        config.CertificateAuthorities.Should().ContainSingle();
        config.ToString().Should().NotContain(Canary);
    }

    [Fact]
    public void InCluster_WithoutEnvironment_ThrowsConfigError()
    {
        var load = () => InClusterConfigLoader.Load(_dir, _ => null);

        load.Should().Throw<KubernetesConfigException>().WithMessage("*KUBERNETES_SERVICE_HOST*");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string B64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));

    private static (string Cert, string Key) SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
