using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using PamOperator.Kubernetes.Config;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Config;

/// <summary>The configuration is the official client's: these tests hold what the operator relies on (exec credential
/// plugins, contexts, clear errors without secrets).</summary>
public sealed class KubernetesConfigTests : IDisposable
{
    private const string Canary = "canary-exec-token-5e0b";
    private readonly string _dir = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ExecPlugin_TokenItPrints_IsSentAsBearer_AndNamespaceComesFromTheContext()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var plugin = Path.Combine(_dir, "credential-helper.sh");
        await File.WriteAllTextAsync(plugin, $$$"""
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"{{{Canary}}}"}}'
            """);
        System.IO.File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Write($$"""
            apiVersion: v1
            kind: Config
            current-context: eks
            clusters:
            - name: c
              cluster: {server: "http://127.0.0.1:{{port}}"}
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: {{plugin}}
                  interactiveMode: Never
            contexts:
            - name: eks
              context: {cluster: c, user: u, namespace: pam}
            """);

        var config = KubernetesConfig.Load(path, null, _ => null);
        using var client = new KubernetesApiClient(config);
        var call = client.GetAsync(ResourceRef.Secrets, null, "x");
        var headers = await ReadRequestAndAnswer404Async(listener);

        (await FluentActions.Awaiting(() => call).Should().ThrowAsync<KubernetesStatusException>()).Which.IsNotFound.Should().BeTrue();
        headers.Should().Contain($"Authorization: Bearer {Canary}");
        headers.Should().StartWith("GET /api/v1/namespaces/pam/secrets/x ");
        client.DefaultNamespace.Should().Be("pam");
    }

    [Fact]
    public void Load_NamedContext_AndMissingFile_AndUnknownContext()
    {
        var path = Write("""
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - {name: p, cluster: {server: "https://prod.example:6443", insecure-skip-tls-verify: true}}
            - {name: d, cluster: {server: "https://dev.example:6443", insecure-skip-tls-verify: true}}
            users:
            - {name: u, user: {token: canary-static-token-0c1}}
            contexts:
            - {name: prod, context: {cluster: p, user: u, namespace: pam}}
            - {name: dev, context: {cluster: d}}
            """);

        var dev = KubernetesConfig.Load(path, "dev", _ => null);
        var missing = () => KubernetesConfig.Load(Path.Combine(_dir, "nope"), null, _ => null);
        var unknown = () => KubernetesConfig.Load(path, "staging", _ => null);

        dev.Host.Should().StartWith("https://dev.example:6443");
        dev.AccessToken.Should().BeNull();
        missing.Should().Throw<KubernetesConfigException>().WithMessage("*does not exist*");
        unknown.Should().Throw<KubernetesConfigException>().Which.Message.Should().NotContain("canary-static-token-0c1");
    }

    [Fact]
    public void InCluster_WithoutServiceAccountFiles_IsAConfigError()
    {
        var load = () => KubernetesConfig.Load(null, null, k => k == "KUBERNETES_SERVICE_HOST" ? "10.0.0.1" : null);

        load.Should().Throw<KubernetesConfigException>();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Reads one HTTP request's head from the loopback listener and answers a NotFound Status.</summary>
    private static async Task<string> ReadRequestAndAnswer404Async(TcpListener listener)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await listener.AcceptTcpClientAsync(cts.Token);
        var stream = socket.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cts.Token);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        const string body = """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","message":"secrets \"x\" not found","code":404}""";
        var answer = $"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), cts.Token);
        return head.ToString();
    }
}
