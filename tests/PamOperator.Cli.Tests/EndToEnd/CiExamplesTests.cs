using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>examples/ci stays true: both files are YAML, and the pamctl commands they document run, in their order,
/// against a simulator with the examples as manifests/, with the exit codes the files rely on.</summary>
public partial class CiExamplesTests
{
    public static TheoryData<string> Files => new() { "github-actions.yml", "gitlab-ci.yml" };

    [GeneratedRegex(@"pamctl (validate|plan|apply)\b[^\n|;&>]*")]
    private static partial Regex PamctlCommand();

    private static string Text(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "ci", file));

    [Theory]
    [MemberData(nameof(Files))]
    public void CiFile_IsYamlWithTheDocumentedSteps(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Text(file)));

        yaml.Documents.Should().ContainSingle().Which.RootNode.Should().BeOfType<YamlMappingNode>();
        var commands = PamctlCommand().Matches(Text(file)).Select(m => m.Value.Trim()).ToList();
        commands.Should().Contain("pamctl validate -f manifests/");
        commands.Should().Contain(c => c.StartsWith("pamctl plan -f manifests/", StringComparison.Ordinal)
            && c.Contains("--detailed-exitcode") && c.Contains("--out plan.bin") && c.Contains("--output markdown"));
        commands.Should().Contain("pamctl apply plan.bin -f manifests/");
        Text(file).Should().Contain("FUDO_API_KEY").And.Contain("-eq 1", "only exit code 1 fails the plan job; 2 means changes");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CiFile_InstallsThePinnedToolPackage_NotFromSource(string file)
    {
        var version = (string?)System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single();

        Text(file).Should().Contain("dotnet tool install --tool-path").And.Contain("pamctl --version \"$PAMCTL_VERSION\"")
            .And.Contain($"PAMCTL_VERSION: {version}", "the pinned version is the one dotnet pack makes")
            .And.NotContain("git clone").And.NotContain("dotnet publish").And.NotContain("dotnet build");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CiFile_CommandsRunInOrderAgainstASimulator(string file)
    {
        await using var ws = await SimulatorWorkspace.StartAsync(requestsPerSecond: 1000);
        ws.CopyExamples();
        // validate and plan get the API key only, as the plan jobs do; apply also gets the account secrets.
        var planEnvironment = new Dictionary<string, string> { [SimulatorWorkspace.ApiKeyVariable] = ws.Environment[SimulatorWorkspace.ApiKeyVariable] };
        var commands = PamctlCommand().Matches(Text(file)).Select(m => m.Value.Trim()).Distinct().ToList();
        commands.Should().HaveCount(3);

        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(a => a == "manifests/" ? ws.Manifests : a).ToArray();
            var environment = args[0] == "apply" ? ws.Environment : planEnvironment;
            var result = await CliHarness.RunInAsync(ws.Directory, environment, "", interactive: false, args);

            var expected = args[0] == "plan" ? 2 : 0; // plan: changes present, which the file treats as success
            result.ExitCode.Should().Be(expected, $"{file}: {command}\n{result.All}");
        }

        File.Exists(Path.Combine(ws.Directory, "plan.bin")).Should().BeTrue();
        var after = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        after.ExitCode.Should().Be(0, $"the saved plan was applied: {after.All}");
    }
}
