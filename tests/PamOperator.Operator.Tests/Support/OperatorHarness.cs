using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Kubernetes;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Manifests.Crds;
using PamOperator.Manifests.Kinds;
using PamOperator.Vendors;
using PamOperator.Operator.Hosting;
using PamOperator.Operator.Queue;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Operator.Tests.Support;

/// <summary>
/// End-to-end ground: a Kubernetes test server with the CRDs installed, a Fudo simulator, the API key in a Secret and a
/// ProviderConfig pointing at the simulator, all on 127.0.0.1; operators run in-process (<see cref="StartOperator"/>).
/// </summary>
public sealed class OperatorHarness : IAsyncDisposable
{
    private readonly List<RunningOperator> _operators = [];

    private OperatorHarness(KubeTestServer server, FudoSimulator simulator, KubernetesApiClient client)
    {
        Server = server;
        Simulator = simulator;
        Client = client;
    }

    public KubeTestServer Server { get; }

    public FudoSimulator Simulator { get; }

    public KubernetesApiClient Client { get; }

    public static async Task<OperatorHarness> StartAsync()
    {
        var server = await KubeTestServer.StartAsync();
        var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions());
        // The tests' own client stands in for users and kubectl, not for the operator: no client-side rate limit, so a
        // burst the tests create arrives as a burst (at the default 20 QPS, 1000 creates would trickle in over 50 s).
        var client = KubernetesApiClient.ForServer(server.BaseAddress, options: new KubernetesApiOptions { Qps = 0 });
        foreach (var kind in new KindCatalog(BuiltInVendors.Registry).AllWithProviderConfig)
        {
            await client.CreateAsync(ResourceRef.CustomResourceDefinitions, null, CrdGenerator.Generate(kind));
        }

        var harness = new OperatorHarness(server, simulator, client);
        await harness.CreateSecretAsync("fudo-api", "api-key", simulator.ApiKey);
        await client.CreateAsync(Support.Resources.ProviderConfigs, null, (JsonObject)JsonNode.Parse($$$$"""
            {"apiVersion":"pamoperator.io/v1alpha1","kind":"ProviderConfig","metadata":{"name":"test"},
             "spec":{"vendor":"fudo","endpoint":"{{{{simulator.BaseAddress}}}}",
               "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"fudo-api","key":"api-key"}}},
               "rateLimit":{"requestsPerSecond":10000,"burst":10000},"parallelism":16}}
            """)!);
        return harness;
    }

    public Task CreateSecretAsync(string name, string key, string value)
    {
        var secret = KubernetesObjects.New(ResourceRef.Secrets, "Secret", "default", name);
        secret["data"] = new JsonObject { [key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) };
        return Client.CreateAsync(ResourceRef.Secrets, "default", secret);
    }

    /// <summary>Starts an operator (health and metrics on free loopback ports, short batch window and backoff) with a
    /// client of its own (to <paramref name="apiServer"/>, default the test server) whose requests feed its metrics.</summary>
    public RunningOperator StartOperator(
        string identity = "op", bool leaderElect = false, TimeSpan? resync = null, int? healthPort = null, Uri? apiServer = null,
        Func<OperatorOptions, OperatorOptions>? tune = null, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null)
    {
        var options = new OperatorOptions
        {
            Identity = identity,
            LeaderElect = leaderElect,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
            Resync = resync ?? TimeSpan.FromMinutes(10),
            BatchWindow = TimeSpan.FromMilliseconds(100),
            Backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2)),
            HealthPort = healthPort ?? 0,
            MetricsPort = 0,
            ListenAddress = "127.0.0.1",
        };
        var metrics = new OperatorMetrics(options.LeaseName);
        var client = KubernetesApiClient.ForServer(apiServer ?? Server.BaseAddress, options: new KubernetesApiOptions
        {
            Observer = metrics,
            RequestTimeout = TimeSpan.FromSeconds(2),
            Qps = 0,
        });
        var running = new RunningOperator(new OperatorHost(client, tune?.Invoke(options) ?? options, logging, metrics: metrics), client);
        _operators.Add(running);
        return running;
    }

    public async Task<JsonObject?> GetAsync(ResourceRef resource, string name)
    {
        try
        {
            return await Client.GetAsync(resource, "default", name);
        }
        catch (KubernetesStatusException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>The simulator's objects of <paramref name="type"/> named <paramref name="name"/> (through its API).</summary>
    public async Task<JsonArray> SimulatorFindAsync(string type, string name)
    {
        using var http = SimulatorClient();
        var list = await http.GetFromJsonAsync<JsonObject>($"api/v2/{type}?filter=name.eq({name})");
        return (JsonArray)list![type]!;
    }

    public async Task SimulatorPatchAsync(string type, string id, string body)
    {
        using var http = SimulatorClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        (await http.PatchAsync($"api/v2/{type}/{id}", content)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _operators)
        {
            await running.StopAsync();
        }

        Client.Dispose();
        await Simulator.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A client of the simulator's API, with its key (the caller disposes it).</summary>
    public HttpClient SimulatorClient()
    {
        var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Simulator.ApiKey);
        return http;
    }
}
