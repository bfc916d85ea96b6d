namespace PamOperator.Cli.Tests;

/// <summary>
/// A working directory whose ProviderConfig points at a simulator in another process (see <see cref="PamctlProcess"/>):
/// pamctl runs either in-process (<see cref="RunAsync"/>) or as a child process (<see cref="StartPamctl"/>), with the
/// same manifests and environment. Deletes its directory on dispose.
/// </summary>
public sealed class ProcessWorkspace : IDisposable
{
    public const string ApiKeyVariable = "TEST_FUDO_API_KEY";

    public ProcessWorkspace(Uri endpoint, string apiKey, string transactionMode, string prunePrefix, int parallelism)
    {
        Directory = Path.Combine(Path.GetTempPath(), "pamctl-proc-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Manifests);
        Environment[ApiKeyVariable] = apiKey;
        File.WriteAllText(Path.Combine(Manifests, "providerconfig.yaml"), $"""
            apiVersion: pamoperator.io/v1alpha1
            kind: ProviderConfig
            metadata:
              name: test
            spec:
              vendor: fudo
              endpoint: {endpoint}
              credentials:
                valueFrom:
                  env: {ApiKeyVariable}
              parallelism: {parallelism}
              rateLimit:
                requestsPerSecond: 1000
                burst: 1000
              fudo:
                transaction:
                  mode: {transactionMode}
              prune:
                enabled: true
                scope:
                - namePrefix: "{prunePrefix}"
            """);
    }

    public string Directory { get; }

    public string Manifests => Path.Combine(Directory, "manifests");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces the manifest set (the ProviderConfig stays).</summary>
    public void SetManifests(string yaml) => File.WriteAllText(Path.Combine(Manifests, "set.yaml"), yaml);

    public Task<CliHarness.Result> RunAsync(params string[] args) =>
        CliHarness.RunInAsync(Directory, Environment, "", interactive: false, args);

    public PamctlProcess StartPamctl(params string[] args) => PamctlProcess.Start(Directory, Environment, args);

    /// <summary>The journals that applies in this directory wrote, every line of each.</summary>
    public IEnumerable<string> JournalLines()
    {
        var directory = Path.Combine(Directory, ".pamctl", "journal");
        return System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory).SelectMany(File.ReadAllLines)
            : [];
    }

    public void Dispose()
    {
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
