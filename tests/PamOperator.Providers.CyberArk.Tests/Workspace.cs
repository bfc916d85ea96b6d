using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Cli;
using PamOperator.Simulators.CyberArk;

namespace PamOperator.Providers.CyberArk.Tests;

/// <summary>
/// A CyberArk simulator on loopback, a temporary directory holding examples/cyberark and a ProviderConfig pointing at the
/// simulator, and the real <c>pamctl</c> run in it: in this process (its command line, own working directory and
/// environment), or as a child process (<c>dotnet pamctl.dll</c>) where a test kills it.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    public const string Password = "Sim-Adm1n-pw";
    public const string RootCanary = "CANARY-root-secret-41c7";
    public const string DbaCanary = "CANARY-dba-secret-8a02";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private Workspace(CyberArkSimulator simulator, string directory)
    {
        Simulator = simulator;
        Directory = directory;
        Http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("Administrator:" + Password)));
    }

    public CyberArkSimulator Simulator { get; }

    public string Directory { get; }

    public string Manifests => Path.Combine(Directory, "manifests");

    public HttpClient Http { get; }

    /// <summary>The only environment pamctl sees: the credentials and the examples' secrets (canaries).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["CA_CREDENTIALS"] = "Administrator:" + Password,
        ["EXAMPLE_ROOT_PASSWORD"] = RootCanary,
        ["EXAMPLE_DBA_PASSWORD"] = DbaCanary,
        ["NO_COLOR"] = "1",
    };

    public static async Task<Workspace> StartAsync()
    {
        var simulator = await CyberArkSimulator.StartAsync(new CyberArkSimulatorOptions { Password = Password });
        var directory = System.IO.Directory.CreateTempSubdirectory("cyberark-ws-").FullName;
        var workspace = new Workspace(simulator, directory);
        System.IO.Directory.CreateDirectory(workspace.Manifests);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "cyberark"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(workspace.Manifests, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(workspace.Manifests, "providerconfig.yaml"), $"""
            apiVersion: pamoperator.io/v1alpha1
            kind: ProviderConfig
            metadata:
              name: cyberark-sim
            spec:
              vendor: cyberark
              endpoint: {simulator.BaseAddress}PasswordVault
              credentials:
                valueFrom:
                  env: CA_CREDENTIALS
              rateLimit:
                requestsPerSecond: 1000
                burst: 1000
              prune:
                enabled: true
                scope:
                  - kinds: [AccessRequest]
                    namePrefix: linux-
            """);
        return workspace;
    }

    /// <summary>Runs <c>pamctl ARGS</c> in this process (the real command line, its own working directory and
    /// environment, bounded) and answers exit code and output.</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(Bound);
        var console = CliConsole.ForTest(output, error) with
        {
            WorkingDirectory = Directory,
            Environment = name => Environment.GetValueOrDefault(name),
        };
        var exit = await PamctlApp.RunAsync(args, console, timeout.Token);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>pamctl ARGS</c> as a child process (<c>dotnet pamctl.dll</c>, the caller reads or kills it).</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pamctl.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Every managed object of the vault, by type, as names (what convergence is judged on).</summary>
    public async Task<Dictionary<string, List<string>>> StateAsync()
    {
        var token = await LogonAsync("Administrator", Password);
        var safes = (await GetAsync("PasswordVault/API/Safes?limit=1000", token))["value"]!.AsArray().Select(s => s!["safeName"]!.GetValue<string>()).Order().ToList();
        var members = new List<string>();
        foreach (var safe in safes)
        {
            members.AddRange((await GetAsync($"PasswordVault/API/Safes/{safe}/Members?limit=1000", token))["value"]!.AsArray()
                .Select(m => $"{safe}/{m!["memberName"]}"));
        }

        var accounts = (await GetAsync("PasswordVault/API/Accounts?limit=1000", token))["value"]!.AsArray()
            .Select(a => $"{a!["safeName"]}/{a["name"]}").Order().ToList();
        var requests = (await GetAsync("PasswordVault/API/MyRequests?expired=true", token))["Requests"]!.AsArray()
            .Select(r => $"{r!["SafeName"]}/{r["AccountDetails"]!["Properties"]!["Name"]}").Order().ToList();
        return new() { ["safes"] = safes, ["members"] = [.. members.Order()], ["accounts"] = accounts, ["requests"] = requests };
    }

    /// <summary>The state examples/cyberark leads to.</summary>
    public static Dictionary<string, List<string>> ExamplesState { get; } = new()
    {
        ["safes"] = ["db-prod", "linux-prod"],
        ["members"] = ["db-prod/Auditors", "linux-prod/alice"],
        ["accounts"] = ["db-prod/dba-pg01", "linux-prod/root-web01"],
        ["requests"] = ["linux-prod/root-web01"],
    };

    public async Task<string> LogonAsync(string user, string password)
    {
        using var response = await Http.PostAsync("PasswordVault/API/Auth/CyberArk/Logon",
            new StringContent(new JsonObject { ["username"] = user, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.GetValue<string>();
    }

    public async Task<JsonNode> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<System.Net.HttpStatusCode> PostAsync(string path, JsonNode? body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
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
}
