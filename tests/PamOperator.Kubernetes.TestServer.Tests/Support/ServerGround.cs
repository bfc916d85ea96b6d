using System.Text.Json.Nodes;
using k8s;

namespace PamOperator.Kubernetes.TestServer.Tests.Support;

/// <summary>
/// A test API server with the repository's CRDs applied by the real kubectl, the kubectl that applied them, and the
/// official KubernetesClient pointed at the same server.
/// </summary>
public sealed class ServerGround : IAsyncDisposable
{
    public const string Group = "fudo.pamoperator.io";
    public const string Version = "v1alpha1";

    private ServerGround(KubeTestServer server, global::PamOperator.TestSupport.Kubectl kubectl, k8s.Kubernetes client)
    {
        Server = server;
        Kubectl = kubectl;
        Client = client;
    }

    public KubeTestServer Server { get; }

    public global::PamOperator.TestSupport.Kubectl Kubectl { get; }

    /// <summary>The official client (KubernetesClient 21.0.8).</summary>
    public k8s.Kubernetes Client { get; }

    public static async Task<ServerGround> StartAsync(bool withCrds = true)
    {
        var server = await KubeTestServer.StartAsync();
        var ground = new ServerGround(server, new global::PamOperator.TestSupport.Kubectl(server.BaseAddress),
            new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString().TrimEnd('/') }));
        if (withCrds)
        {
            var apply = await ground.Kubectl.RunAsync($"apply -f {RepositoryPaths.Crds}");
            if (apply.ExitCode != 0)
            {
                throw new InvalidOperationException($"applying crds/ failed: {apply}");
            }
        }

        return ground;
    }

    /// <summary>Writes <paramref name="yaml"/> to a file in kubectl's work directory and returns its path.</summary>
    public string Write(string fileName, string yaml)
    {
        var path = Path.Combine(Kubectl.WorkDirectory, fileName);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A Safe manifest in the default namespace.</summary>
    public static string Safe(string name, string spec = "loginReason: true") => $"""
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: {name}
        spec:
          {spec}
        """;

    public JsonObject? Stored(string plural, string name, string? ns = "default", string group = Group) =>
        Server.GetObject(group, plural, ns, name);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Kubectl.Dispose();
        await Server.DisposeAsync();
    }
}
