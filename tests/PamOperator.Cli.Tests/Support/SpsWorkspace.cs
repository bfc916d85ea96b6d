using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Sps;

namespace PamOperator.Cli.Tests;

/// <summary>
/// End-to-end ground for One Identity SPS: an SPS simulator on 127.0.0.1 (in this process), a temp directory with a
/// ProviderConfig pointing at it and a copy of examples/sps/, canary passwords in the environment, and raw REST
/// sessions for what pamctl must not be able to do (another administrator's transaction, the committed state).
/// </summary>
public sealed class SpsWorkspace : IAsyncDisposable
{
    public const string CredentialVariable = "TEST_SPS_CREDENTIALS";

    private SpsWorkspace(SpsSimulator simulator, string directory)
    {
        Simulator = simulator;
        Directory = directory;
        Environment[CredentialVariable] = $"{simulator.User}:{simulator.Password}";
        Environment["SPS_ALICE_PASSWORD"] = "canary-sps-alice-7f3a";
        Environment["SPS_BOB_PASSWORD"] = "canary-sps-bob-91c2";
    }

    public SpsSimulator Simulator { get; }

    public string Directory { get; }

    public string Manifests => Path.Combine(Directory, "manifests");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Canaries => Environment.Where(e => e.Key.StartsWith("SPS_", StringComparison.Ordinal)).Select(e => e.Value);

    public static async Task<SpsWorkspace> StartAsync()
    {
        var simulator = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "sps-rest-password-4d2e" });
        var directory = Path.Combine(Path.GetTempPath(), "pamctl-sps-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "manifests"));
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "sps"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(directory, "manifests", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(directory, "manifests", "providerconfig.yaml"), $"""
            apiVersion: pamoperator.io/v1alpha1
            kind: ProviderConfig
            metadata:
              name: sps
            spec:
              vendor: sps
              endpoint: {simulator.BaseAddress}
              credentials:
                valueFrom:
                  env: {CredentialVariable}
              rateLimit:
                requestsPerSecond: 1000
                burst: 1000
            """);
        return new SpsWorkspace(simulator, directory);
    }

    public Task<CliHarness.Result> RunAsync(params string[] args) => CliHarness.RunInAsync(Directory, Environment, "", interactive: false, args);

    public PamctlProcess StartPamctl(params string[] args) => PamctlProcess.Start(Directory, Environment, args);

    /// <summary>Logs on as another REST session (another administrator).</summary>
    public async Task<RawSession> LogOnAsync()
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Simulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/authentication");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Simulator.User}:{Simulator.Password}")));
        using var response = await http.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new RawSession(http);
    }

    /// <summary>The committed users and groups, byte for byte as SPS answers them to another session.</summary>
    public async Task<string> CommittedStateAsync()
    {
        using var session = await LogOnAsync();
        var text = new StringBuilder();
        foreach (var collection in new[] { "users", "groups" })
        {
            var list = await session.GetTextAsync($"api/configuration/aaa/local_database/{collection}");
            text.AppendLine(list);
            foreach (var item in JsonNode.Parse(list)!["items"]!.AsArray())
            {
                text.AppendLine(await session.GetTextAsync(item!["meta"]!["href"]!.GetValue<string>().TrimStart('/')));
            }
        }

        return text.ToString();
    }

    /// <summary>Every file pamctl wrote in the workspace, as text.</summary>
    public IEnumerable<string> WrittenFiles() =>
        System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f)));

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    /// <summary>A REST session of the test's own.</summary>
    public sealed class RawSession(HttpClient http) : IDisposable
    {
        public async Task<string> GetTextAsync(string path) => await http.GetStringAsync(path);

        public async Task<int> SendAsync(HttpMethod method, string path, string? json = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        public void Dispose() => http.Dispose();
    }
}
