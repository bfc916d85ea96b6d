using PamOperator.Cli;
using PamOperator.Core.Vendors;
using PamOperator.Manifests.Kinds;
using PamOperator.Vendors.Acme.Client;
using PamOperator.Vendors.Acme.Simulator;

namespace PamOperator.Vendors.Tests.Support;

/// <summary>A temporary working directory where pamctl runs in-process with the built-in vendors plus Acme.</summary>
public sealed class Workspace : IDisposable
{
    /// <summary>The built-in vendors and the test vendor: exactly the one registration line a new vendor adds.</summary>
    public static VendorRegistry Registry { get; } = new(
    [
        .. BuiltInVendors.Registry.Registrations,
        new VendorRegistration(new AcmeModule(), new AcmeSimulatorFactory()),
    ]);

    public static KindCatalog Catalog { get; } = new(Registry);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "pamctl-vendors-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal) { ["ACME_DB_PASSWORD"] = "not-a-real-secret-canary-7731" };

    public Workspace() => System.IO.Directory.CreateDirectory(Path.Combine(Directory, "pam"));

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The absolute path of <paramref name="relativePath"/> (pamctl resolves -f against the process's directory).</summary>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public void Delete(string relativePath) => File.Delete(Path.Combine(Directory, relativePath));

    /// <summary>Runs pamctl with these arguments; returns exit code, stdout and stderr.</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.ForTest(output, error) with
        {
            WorkingDirectory = Directory,
            Environment = name => Environment.GetValueOrDefault(name),
            Catalog = Catalog,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await PamctlApp.RunAsync(args, console, timeout.Token);
        return (exit, output.ToString(), error.ToString());
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
