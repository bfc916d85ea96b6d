using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary>The <c>pamctl</c> tool package, packed once for every test of the <see cref="ToolPackageCollection"/>:
/// <c>dotnet pack</c> of what the test run already built into a local folder (<see cref="Feed"/>), and installed once
/// with <c>dotnet tool install --tool-path</c> from that folder (<see cref="Pamctl"/>). <see cref="Root"/> holds a
/// nuget.config without any package source, so installs below it are offline: the folder named by
/// <c>--add-source</c> is the only source, as a CI runner's feed would be.
/// Set <c>PAMCTL_KEEP_TOOL_ROOT=1</c> to keep the directory (scripts/ci-examples-local.sh does, to show the CI runs).</summary>
public sealed class ToolPackageFixture : IAsyncLifetime
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    public string Root { get; } = Directory.CreateTempSubdirectory("pamctl-tool-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The version <c>dotnet pack</c> gives the package: <c>VersionPrefix</c> in Directory.Build.props.</summary>
    public string Version { get; } = (string?)XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))
        .Descendants("VersionPrefix").Single() ?? throw new InvalidOperationException("no VersionPrefix in Directory.Build.props");

    /// <summary>The installed command (in <c>Root/tools</c>).</summary>
    public string Pamctl => Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "pamctl.exe" : "pamctl");

    public ChildProcess.Result Pack { get; private set; } = new(-1, "", "");

    public ChildProcess.Result Install { get; private set; } = new(-1, "", "");

    public static bool Keep => Environment.GetEnvironmentVariable("PAMCTL_KEEP_TOOL_ROOT") == "1";

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var configuration = typeof(ToolPackageFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        Pack = await ChildProcess.RunAsync(ChildProcess.Dotnet, Root, null, Bound, "pack",
            Path.Combine(RepositoryPaths.Root, "src", "PamOperator.Cli", "PamOperator.Cli.csproj"), "--no-build", "-c", configuration, "-o", Feed, "-nologo");
        if (Pack.ExitCode == 0)
        {
            Install = await ChildProcess.RunAsync(ChildProcess.Dotnet, Root, null, Bound,
                "tool", "install", "--tool-path", Path.Combine(Root, "tools"), "--add-source", Feed, "pamctl", "--version", Version);
        }
    }

    /// <summary>A new directory below <see cref="Root"/> (so below its offline nuget.config).</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public Task DisposeAsync()
    {
        if (Keep)
        {
            Console.Error.WriteLine($"tool package, CI runs and their workspaces kept in {Root}");
        }
        else
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Tests that use the packed and installed tool: they share one <see cref="ToolPackageFixture"/> (one pack per
/// test run) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ToolPackageCollection : ICollectionFixture<ToolPackageFixture>
{
    public const string Name = "pamctl tool package";
}
