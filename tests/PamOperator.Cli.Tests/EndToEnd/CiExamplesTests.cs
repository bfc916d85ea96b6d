using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>examples/ci stays true: both files are YAML with the documented pamctl commands, installing the pinned tool
/// package. <see cref="CiExamplesLocalTests"/> runs their steps end to end with the installed package.</summary>
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
        Text(file).Should().Contain("FUDO_API_KEY");
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
}
