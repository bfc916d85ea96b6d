using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>pamctl installs like a .NET tool: <c>dotnet pack</c> makes the package (version from
/// Directory.Build.props, the one place it lives), <c>dotnet tool install</c> puts it into a tool path from a local
/// folder only, and the installed command validates the examples and prints the version and commit.</summary>
public partial class ToolPackageTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [GeneratedRegex(@"^pamctl (?<version>\S+) \(commit (?<commit>[0-9a-f]{7,40})\)$")]
    private static partial Regex VersionLine();

    [Fact]
    public async Task Pack_InstallFromALocalFolder_InstalledToolValidatesTheExamples()
    {
        var version = (string?)XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single();
        version.Should().NotBeNullOrEmpty();
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var temp = Directory.CreateTempSubdirectory("pamctl-tool-").FullName;
        try
        {
            var feed = Path.Combine(temp, "feed");
            var tools = Path.Combine(temp, "tools");
            // One pack of what the test run already built (the test project references the CLI project).
            var pack = await RunAsync(Dotnet, temp, "pack", Path.Combine(RepositoryPaths.Root, "src", "PamOperator.Cli", "PamOperator.Cli.csproj"),
                "--no-build", "-c", configuration, "-o", feed, "-nologo");
            pack.ExitCode.Should().Be(0, pack.Output);
            File.Exists(Path.Combine(feed, $"pamctl.{version}.nupkg")).Should().BeTrue(pack.Output);

            // Offline: the local folder is the only source.
            await File.WriteAllTextAsync(Path.Combine(temp, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var install = await RunAsync(Dotnet, temp, "tool", "install", "--tool-path", tools, "--configfile", Path.Combine(temp, "nuget.config"),
                "--add-source", feed, "pamctl", "--version", version!);
            install.ExitCode.Should().Be(0, install.Output);

            var pamctl = Path.Combine(tools, OperatingSystem.IsWindows() ? "pamctl.exe" : "pamctl");
            var printed = await RunAsync(pamctl, temp, "version");
            printed.ExitCode.Should().Be(0, printed.Output);
            var match = VersionLine().Match(printed.Output.Trim());
            match.Success.Should().BeTrue($"'{printed.Output.Trim()}' shows the version and the git commit");
            match.Groups["version"].Value.Should().Be(version);

            var validate = await RunAsync(pamctl, temp, "validate", "-f", RepositoryPaths.Examples);
            validate.ExitCode.Should().Be(0, validate.Output);
            validate.Output.Should().Contain("0 errors");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string Dotnet => Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', args)} ran longer than {Bound}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
