using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Yaml;
using Xunit;

namespace PamOperator.Manifests.Tests.Yaml;

public class JsonProjectorTests
{
    private static (Projection Projection, DiagnosticBag Diagnostics) Project(string text)
    {
        var diagnostics = new DiagnosticBag();
        var documents = YamlStreamReader.Read("f.yaml", text, diagnostics);
        return (JsonProjector.Project(documents[0].Root!, diagnostics), diagnostics);
    }

    [Theory]
    [InlineData("true", "true", "YAML 1.2 boolean")]
    [InlineData("yes", "\"yes\"", "yes is a string in YAML 1.2")]
    [InlineData("09:00:00", "\"09:00:00\"", "no sexagesimal numbers in YAML 1.2")]
    [InlineData("'true'", "\"true\"", "quoted scalars are strings")]
    [InlineData("!!str 5", "\"5\"", "an explicit string tag")]
    [InlineData("42", "42", "decimal integer")]
    [InlineData("-7", "-7", "negative integer")]
    [InlineData("0x1F", "31", "hexadecimal integer")]
    [InlineData("0o17", "15", "octal integer")]
    [InlineData("1.5", "1.5", "float")]
    [InlineData("~", "null", "tilde is null")]
    [InlineData("", "null", "an empty value is null")]
    [InlineData("2026-01-01T00:00:00Z", "\"2026-01-01T00:00:00Z\"", "no timestamp type in the core schema")]
    public void Project_Scalar_FollowsTheYaml12CoreSchema(string yaml, string json, string reason)
    {
        var (projection, _) = Project($"v: {yaml}\n");

        (projection.Json!["v"]?.ToJsonString() ?? "null").Should().Be(json, reason);
    }

    [Fact]
    public void Project_RecordsLocationsOfKeysAndListItems()
    {
        var (projection, _) = Project("spec:\n  ssh:\n    x11: false\n  timePolicy:\n    - dayOfWeek: Monday\n      validFrom: \"09:00:00\"\n");

        projection.Locations["spec.ssh.x11"].Should().Be(new SourceLocation("f.yaml", 3, 5));
        projection.Locations["spec.timePolicy[0]"].Line.Should().Be(5);
        projection.Locations["spec.timePolicy[0].validFrom"].Should().Be(new SourceLocation("f.yaml", 6, 7));
    }

    [Fact]
    public void Project_SmallAliases_AreExpanded()
    {
        var (projection, diagnostics) = Project("base: &b {x11: false}\nssh: *b\n");

        diagnostics.Should().BeEmpty();
        JsonNode.DeepEquals(projection.Json!["ssh"], projection.Json["base"]).Should().BeTrue();
    }

    [Fact]
    public void Project_AliasBomb_StopsWithPam004AtTheAlias()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var (projection, diagnostics) = Project(string.Join("\n", lines) + "\n");

        projection.Complete.Should().BeFalse();
        projection.Json.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "PAM004" && d.Location!.Line >= 5);
    }

    [Fact]
    public void Project_AliasesNestingBeyondTheDepthLimit_ReportPam005()
    {
        var lines = new List<string> { "l0: &l0 " + new string('[', 40) + new string(']', 40) };
        for (var i = 1; i < 4; i++)
        {
            lines.Add($"l{i}: &l{i} " + new string('[', 40) + $"*l{i - 1}" + new string(']', 40));
        }

        var (projection, diagnostics) = Project(string.Join("\n", lines) + "\n");

        projection.Complete.Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM005");
    }

    [Fact]
    public void Project_CustomTag_ReportsPam010()
    {
        var (_, diagnostics) = Project("v: !vault secret\n");

        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM010");
    }
}
