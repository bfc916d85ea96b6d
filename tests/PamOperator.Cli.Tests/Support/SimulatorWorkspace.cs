using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Cli.Tests;

/// <summary>
/// End-to-end test ground: a fresh Fudo simulator on 127.0.0.1, a temp directory holding a ProviderConfig that points
/// at it (credentials from the workspace's own environment), and <see cref="RunAsync"/> to run pamctl there in-process.
/// Each workspace is independent, so tests can run in parallel.
/// </summary>
public sealed class SimulatorWorkspace : IAsyncDisposable
{
    public const string ApiKeyVariable = "TEST_FUDO_API_KEY";

    private SimulatorWorkspace(FudoSimulator simulator, string directory)
    {
        Simulator = simulator;
        Directory = directory;
        Environment[ApiKeyVariable] = simulator.ApiKey;
    }

    public FudoSimulator Simulator { get; }

    /// <summary>The working directory; manifests go under <see cref="Manifests"/>.</summary>
    public string Directory { get; }

    public string Manifests => Path.Combine(Directory, "manifests");

    /// <summary>What pamctl sees as its environment (secrets, the API key).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <param name="transactionMode"><c>Atomic</c> (one batch) or <c>Journal</c> (step by step, compensated).</param>
    /// <param name="pruneNamePrefix">When set, prune is enabled with this name prefix as the ownership scope.</param>
    /// <param name="parallelism">The ProviderConfig's parallelism.</param>
    /// <param name="requestsPerSecond">When set, the ProviderConfig's rate limit (burst as large); else the default
    /// (20 per second, burst 40), which makes runs of many requests wait on purpose.</param>
    /// <param name="seedFile">Fixtures YAML for the simulator; null loads the built-in default set
    /// (<see cref="EmptyPamSeed"/>: a PAM as new, holding only what Fudo ships).</param>
    public static async Task<SimulatorWorkspace> StartAsync(
        string transactionMode = "Atomic", string? pruneNamePrefix = null, int parallelism = 10, int? requestsPerSecond = null,
        string? seedFile = null)
    {
        var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { SeedFile = seedFile });
        var directory = Path.Combine(Path.GetTempPath(), "pamctl-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "manifests"));
        var workspace = new SimulatorWorkspace(simulator, directory);
        var prune = pruneNamePrefix is null ? "" : $"\n  prune:\n    enabled: true\n    scope:\n    - namePrefix: \"{pruneNamePrefix}\"";
        var rate = requestsPerSecond is { } rps ? $"\n  rateLimit:\n    requestsPerSecond: {rps}\n    burst: {rps}" : "";
        workspace.Write("manifests/providerconfig.yaml", $"""
            apiVersion: pamoperator.io/v1alpha1
            kind: ProviderConfig
            metadata:
              name: test
            spec:
              vendor: fudo
              endpoint: {simulator.BaseAddress}
              credentials:
                valueFrom:
                  env: {ApiKeyVariable}
              parallelism: {parallelism}
              fudo:
                transaction:
                  mode: {transactionMode}{prune}{rate}
            """);
        return workspace;
    }

    /// <summary>Writes fixtures for a PAM as new: only the builtin <c>admin</c> user and the builtin <c>Static</c>
    /// password change policy. Returns the file's path (a temporary file; the caller deletes it).</summary>
    public static string EmptyPamSeed()
    {
        var path = Path.Combine(Path.GetTempPath(), "pamctl-empty-pam-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, """
            password_change_policies:
              - { id: "1", name: Static, builtin: true }
            users:
              - { name: admin, role: superadmin, builtin: true }
            """);
        return path;
    }

    /// <summary>Copies one example directory (e.g. <c>fudo-complete</c>) under <see cref="Manifests"/>, and sets every
    /// secret variable it names.</summary>
    public void CopyExample(string set)
    {
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, set), "*.yaml"))
        {
            File.Copy(file, Path.Combine(Manifests, $"{set}-{Path.GetFileName(file)}"), overwrite: true);
            foreach (var name in SecretVariables(File.ReadAllText(file)))
            {
                Environment[name] = $"canary-secret-{name}";
            }
        }
    }

    /// <summary>Writes a file relative to <see cref="Directory"/>.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies the repository's examples (quickstart and team) under <see cref="Manifests"/>, and sets every
    /// secret variable they name.</summary>
    public void CopyExamples()
    {
        foreach (var set in new[] { "quickstart", "team" })
        {
            CopyExample(set);
        }
    }

    public Task<CliHarness.Result> RunAsync(params string[] args) =>
        CliHarness.RunInAsync(Directory, Environment, "", interactive: false, args);

    /// <summary>Every object of every Fudo type, as the API lists them: compare two dumps to prove nothing changed.</summary>
    public async Task<string> DumpAsync()
    {
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Simulator.ApiKey);
        var dump = new JsonObject();
        foreach (var path in new[] { "safe", "account", "user/safe", "user/safe/time_policy", "account/safe/listener", "grant/safe", "grant/account" })
        {
            dump[path] = JsonNode.Parse(await http.GetStringAsync($"api/v2/{path}?limit=10000"));
        }

        return dump.ToJsonString();
    }

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

    private static IEnumerable<string> SecretVariables(string yaml) =>
        System.Text.RegularExpressions.Regex.Matches(yaml, @"env:\s*([A-Z0-9_]+)").Select(m => m.Groups[1].Value);
}
