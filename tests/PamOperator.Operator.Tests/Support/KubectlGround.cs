using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Queue;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Operator.Tests.Support;

/// <summary>
/// A bare Kubernetes test server (no CRDs: kubectl installs them), a Fudo simulator and a kubectl, all on 127.0.0.1,
/// and at most one operator in-process. Disposing stops the operator and both servers and deletes the temp files.
/// </summary>
public sealed class KubectlGround : IAsyncDisposable
{
    private RunningOperator? _operator;

    private KubectlGround(KubeTestServer server, FudoSimulator simulator)
    {
        Server = server;
        Simulator = simulator;
        Client = KubernetesApiClient.ForServer(server.BaseAddress);
        Kubectl = new global::PamOperator.TestSupport.Kubectl(server.BaseAddress);
    }

    public KubeTestServer Server { get; }

    public FudoSimulator Simulator { get; }

    public KubernetesApiClient Client { get; }

    public global::PamOperator.TestSupport.Kubectl Kubectl { get; }

    public static async Task<KubectlGround> StartAsync() =>
        new(await KubeTestServer.StartAsync(), await FudoSimulator.StartAsync(new FudoSimulatorOptions()));

    /// <summary>Runs kubectl (arguments split on spaces) and asserts it succeeded.</summary>
    public async Task<KubectlResult> RunOkAsync(string arguments, TimeSpan? timeout = null)
    {
        var result = await Kubectl.RunAsync(arguments, timeout);
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }

    /// <summary>Writes a file in kubectl's temp directory (deleted on dispose); returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Kubectl.WorkDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A Secret manifest in <c>default</c> with one base64 key (kubectl create sends protobuf, which the
    /// test server does not speak; apply sends JSON).</summary>
    public static string SecretYaml(string name, string key, string value) => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: default
        data:
          {key}: {Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}
        """;

    public string ProviderConfigYaml() => $$"""
        apiVersion: pamoperator.io/v1alpha1
        kind: ProviderConfig
        metadata:
          name: quickstart
        spec:
          vendor: fudo
          endpoint: {{Simulator.BaseAddress}}
          credentials:
            valueFrom:
              secretKeyRef: {namespace: default, name: fudo-api, key: api-key}
          rateLimit: {requestsPerSecond: 10000, burst: 10000}
        """;

    /// <summary>examples/quickstart copied as is, except that the account reads its password from the Secret
    /// <c>db-pw</c> (the operator refuses <c>valueFrom.env</c>). Returns the directory.</summary>
    public string CopyQuickstartWithSecretKeyRef()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Kubectl.WorkDirectory, "quickstart")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Quickstart, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "account.yaml")
            {
                text.Should().Contain("env: EXAMPLE_DB_PASSWORD", "the quickstart account still reads an environment variable");
                text = text.Replace("env: EXAMPLE_DB_PASSWORD", "secretKeyRef: {name: db-pw, key: password}", StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)), text);
        }

        return dir;
    }

    public void StartOperator() => _operator = new RunningOperator(new OperatorHost(Client, new OperatorOptions
    {
        LeaderElect = false,
        BatchWindow = TimeSpan.FromMilliseconds(100),
        Backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2)),
        HealthPort = null,
        MetricsPort = null,
    }));

    /// <summary><c>kubectl get</c> of the four quickstart kinds: <c>kind/name</c> to its READY and SYNCED columns.</summary>
    public async Task<Dictionary<string, (string Ready, string Synced)>> GetTableAsync()
    {
        var result = await Kubectl.RunAsync("get safes.fudo.pamoperator.io,accounts.fudo.pamoperator.io,usersafeassignments,accountsafelistenerassignments");
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var cells in result.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(c => c.Length >= 3 && c[0] != "NAME"))
        {
            var slash = cells[0].IndexOf('/', StringComparison.Ordinal);
            var kind = slash < 0 ? "" : cells[0][..slash].Split('.')[0];
            table[$"{kind}/{cells[0][(slash + 1)..]}"] = (cells[1], cells[2]);
        }

        return table;
    }

    /// <summary>The ids of every object of a Fudo list endpoint (e.g. <c>user/safe</c>), read through the simulator's API.</summary>
    public async Task<IReadOnlyList<string>> PamIdsAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Simulator.ApiKey);
        var body = await http.GetFromJsonAsync<JsonObject>($"api/v2/{path}");
        return [.. body!.Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).Select(o => o?["id"]?.ToString()).OfType<string>()];
    }

    public async ValueTask DisposeAsync()
    {
        if (_operator is not null)
        {
            await _operator.StopAsync();
        }

        Kubectl.Dispose();
        Client.Dispose();
        await Simulator.DisposeAsync();
        await Server.DisposeAsync();
    }
}
