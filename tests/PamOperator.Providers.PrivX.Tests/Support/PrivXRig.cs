using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Cli;
using PamOperator.Simulators.PrivX;

namespace PamOperator.Providers.PrivX.Tests.Support;

/// <summary>
/// A PrivX simulator (canary secrets) and a working directory whose ProviderConfig points at it, where pamctl runs in
/// process (or as a child process). Admin helpers act as the PAM itself (connections recorded as users connect) or as
/// a person (a grant or tag made by hand), over HTTP.
/// </summary>
public sealed class PrivXRig : IAsyncDisposable
{
    public const string ClientSecret = "oauth-secret-canary-2c7e91";
    public const string Password = "api-password-canary-8d41f0";
    public const string CredentialVariable = "PRIVX_TEST_CREDENTIALS";
    public const string Connections = "connection-manager/api/v1/connections";

    private readonly HttpClient _admin;

    private PrivXRig(PrivXSimulator simulator)
    {
        Simulator = simulator;
        _admin = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{simulator.Options.ClientId}:{ClientSecret}")));
        Directory.CreateDirectory(PathOf("pam"));
        Environment[CredentialVariable] = simulator.Credentials;
        WriteProviderConfig(prune: false);
    }

    public PrivXSimulator Simulator { get; }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pamctl-privx-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static async Task<PrivXRig> StartAsync(PrivXSimulatorOptions? options = null) =>
        new(await PrivXSimulator.StartAsync((options ?? new PrivXSimulatorOptions()) with { ClientSecret = ClientSecret, Password = Password }));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>The ProviderConfig (in pam/); with <paramref name="prune"/>, a scope owning every manifest name.</summary>
    public void WriteProviderConfig(bool prune) => Write("pam/provider.yaml", $"""
        apiVersion: pamoperator.io/v1alpha1
        kind: ProviderConfig
        metadata:
          name: privx-test
        spec:
          vendor: privx
          endpoint: {Simulator.BaseAddress}
          credentials:
            valueFrom:
              env: {CredentialVariable}
          rateLimit:
            requestsPerSecond: 10000
            burst: 10000
        {(prune ? "  prune:\n    enabled: true\n    scope:\n      - kinds: [ConnectionAccessGrant, ConnectionTags]\n        nameRegex: \".*\"\n" : "")}
        """);

    public static string Grant(string name, string role, string selector) => $"""
        apiVersion: privx.pamoperator.io/v1alpha1
        kind: ConnectionAccessGrant
        metadata:
          name: {name}
        spec:
          role: {role}
          selector:
            {selector}
        """;

    public static string Tags(string name, string selector, params string[] tags) => $"""
        apiVersion: privx.pamoperator.io/v1alpha1
        kind: ConnectionTags
        metadata:
          name: {name}
        spec:
          selector:
            {selector}
          tags: [{string.Join(", ", tags)}]
        """;

    /// <summary>Runs pamctl in process; exit code, stdout, stderr.</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.ForTest(output, error) with
        {
            WorkingDirectory = Root,
            Environment = name => Environment.GetValueOrDefault(name),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exit = await PamctlApp.RunAsync(args, console, timeout.Token);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (!path.StartsWith("_sim", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        }

        using var response = await _admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Connections recorded by the PAM (wire short forms), returning their ids.</summary>
    public async Task<List<string>> AddConnectionsAsync(params JsonObject[] connections) =>
        [.. (await SendAsync(HttpMethod.Post, "_sim/connections", new JsonObject { ["connections"] = new JsonArray([.. connections]) }))!["ids"]!.AsArray().Select(i => (string)i!)];

    public async Task<string> RoleIdAsync(string name) =>
        (string)(await SendAsync(HttpMethod.Post, "role-store/api/v1/roles/search", new JsonObject { ["name"] = name }))!["items"]![0]!["id"]!;

    /// <summary>A person grants a role on a connection through the API.</summary>
    public async Task GrantByHandAsync(string connection, string role) =>
        await SendAsync(HttpMethod.Post, $"{Connections}/{connection}/access_roles/{await RoleIdAsync(role)}");

    /// <summary>Every connection's access role names and whole tag set (ownership records included), by id.</summary>
    public async Task<SortedDictionary<string, string>> StateAsync()
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var page = await SendAsync(HttpMethod.Get, $"{Connections}?limit=1000");
        foreach (var c in page!["items"]!.AsArray())
        {
            var roles = c!["access_roles"]!.AsArray().Select(r => (string)r!["name"]!).Order(StringComparer.Ordinal);
            var tags = c["tags"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal);
            state[(string)c["id"]!] = $"roles=[{string.Join(",", roles)}] tags=[{string.Join(",", tags)}]";
        }

        return state;
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/api/v1/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = Simulator.Options.User, ["password"] = Password }),
        };
        using var response = await _admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
