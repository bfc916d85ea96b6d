using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>pamctl installs like a .NET tool: <c>dotnet pack</c> makes the package (version from
/// Directory.Build.props, the one place it lives), <c>dotnet tool install</c> puts it into a tool path from a local
/// folder only, and the installed command validates the examples and prints the version and commit.</summary>
[Collection(ToolPackageCollection.Name)]
public partial class ToolPackageTests(ToolPackageFixture tool)
{
    [GeneratedRegex(@"^pamctl (?<version>\S+) \(commit (?<commit>[0-9a-f]{7,40})\)$")]
    private static partial Regex VersionLine();

    [Fact]
    public async Task Pack_InstallFromALocalFolder_InstalledToolValidatesTheExamples()
    {
        tool.Version.Should().NotBeNullOrEmpty();
        // One pack of what the test run already built (the test project references the CLI project) ...
        tool.Pack.ExitCode.Should().Be(0, tool.Pack.All);
        File.Exists(Path.Combine(tool.Feed, $"pamctl.{tool.Version}.nupkg")).Should().BeTrue(tool.Pack.All);
        // ... installed offline: the local folder is the only source.
        tool.Install.ExitCode.Should().Be(0, tool.Install.All);

        var directory = tool.NewDirectory("validate");
        var printed = await ChildProcess.RunAsync(tool.Pamctl, directory, null, ToolPackageFixture.Bound, "version");
        printed.ExitCode.Should().Be(0, printed.All);
        var match = VersionLine().Match(printed.Out.Trim());
        match.Success.Should().BeTrue($"'{printed.Out.Trim()}' shows the version and the git commit");
        match.Groups["version"].Value.Should().Be(tool.Version);

        var validate = await ChildProcess.RunAsync(tool.Pamctl, directory, null, ToolPackageFixture.Bound, "validate", "-f", RepositoryPaths.Examples);
        validate.ExitCode.Should().Be(0, validate.All);
        validate.All.Should().Contain("0 errors");
    }
}
