using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Loading;
using Xunit;

namespace PamOperator.Manifests.Tests.Loading;

public sealed class InputCollectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pamctl-input-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "a: 1\n");
        return path;
    }

    private IReadOnlyList<string> Collect(params string[] paths)
    {
        var diagnostics = new DiagnosticBag();
        var sources = InputCollector.Collect(paths, diagnostics);
        diagnostics.Should().BeEmpty();
        return [.. sources.Select(s => Path.GetRelativePath(_root, s.FullPath!).Replace('\\', '/'))];
    }

    [Fact]
    public void Collect_Directory_RecursesSortedYamlOnly_SkippingHidden()
    {
        Touch("b.yaml");
        Touch("a/z.yml");
        Touch("a/y.yaml");
        Touch("notes.txt");
        Touch(".hidden/x.yaml");
        Touch("a/.secret.yaml");

        Collect(_root).Should().Equal("a/y.yaml", "a/z.yml", "b.yaml");
    }

    [Fact]
    public void Collect_PamctlIgnore_SkipsMatchesRelativeToItsDirectory()
    {
        Touch("keep.yaml");
        Touch("ci/workflow.yaml");
        Touch("team/draft-safe.yaml");
        Touch("team/safe.yaml");
        Touch("team/deep/draft-x.yaml");
        Touch("team/deep/keep.yaml");
        Touch("other/ci/inner.yaml");
        File.WriteAllText(Path.Combine(_root, ".pamctlignore"), "# comment\n\n/ci/\n");
        File.WriteAllText(Path.Combine(_root, "team", ".pamctlignore"), "draft-*\n!deep/draft-x.yaml\n");

        Collect(_root).Should().Equal("keep.yaml", "other/ci/inner.yaml", "team/deep/draft-x.yaml", "team/deep/keep.yaml", "team/safe.yaml");
    }

    [Fact]
    public void Collect_PatternWithoutSlash_MatchesNamesAtAnyDepth()
    {
        Touch("x/tmp/a.yaml");
        Touch("x/keep.yaml");
        File.WriteAllText(Path.Combine(_root, ".pamctlignore"), "tmp/\n");

        Collect(_root).Should().Equal("x/keep.yaml");
    }

    [Fact]
    public void Collect_ExplicitFile_IsNeverIgnored_AndDuplicatesAreReadOnce()
    {
        var file = Touch("ci/workflow.yaml");
        Touch("keep.yaml");
        File.WriteAllText(Path.Combine(_root, ".pamctlignore"), "ci/\n");

        Collect(file, file, _root).Should().Equal("ci/workflow.yaml", "keep.yaml");
    }

    [Fact]
    public void Collect_DisplayPath_KeepsThePathAsGiven()
    {
        Touch("team/safe.yaml");
        var diagnostics = new DiagnosticBag();

        var sources = InputCollector.Collect([_root + "/"], diagnostics);

        sources.Single().DisplayPath.Should().Be(Path.Join(_root + "/", "team/safe.yaml"));
    }

    [Fact]
    public void Collect_MissingPathAndEmptyDirectory_AreDiagnostics()
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        var diagnostics = new DiagnosticBag();

        var sources = InputCollector.Collect([Path.Combine(_root, "nope.yaml"), Path.Combine(_root, "empty"), "-", "-"], diagnostics);

        diagnostics.Select(d => d.Code).Should().Equal("PAM001", "PAM009");
        sources.Should().ContainSingle().Which.IsStdin.Should().BeTrue("- is read once");
    }
}
