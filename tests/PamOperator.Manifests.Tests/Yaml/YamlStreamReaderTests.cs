using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Yaml;
using Xunit;

namespace PamOperator.Manifests.Tests.Yaml;

public class YamlStreamReaderTests
{
    private static (IReadOnlyList<ParsedDocument> Documents, DiagnosticBag Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        return (YamlStreamReader.Read("f.yaml", text, diagnostics), diagnostics);
    }

    [Fact]
    public void Read_MultiDocument_KeepsEmptyDocumentsAsNullRoots_AndStartLines()
    {
        var (documents, diagnostics) = Read("---\n# only a comment\n---\na: 1\n---\n---\nb: 2\n");

        diagnostics.Should().BeEmpty();
        documents.Select(d => d.Root is null).Should().Equal(true, false, true, false);
        documents.Where(d => d.Root is not null).Select(d => d.Start.Line).Should().Equal(4, 7);
    }

    [Fact]
    public void Read_DuplicateKey_ReportsTheSecondAndKeepsTheFirst()
    {
        var (documents, diagnostics) = Read("a: 1\nb:\n  c: 2\n  c: 3\n");

        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.DuplicateKey && d.Location!.Line == 4 && d.Location.Column == 3);
        var json = JsonProjector.Project(documents[0].Root!, diagnostics).Json!;
        json["b"]!["c"]!.GetValue<long>().Should().Be(2);
    }

    [Theory]
    [InlineData("a: 1\nb:\n\tc: 2\n", 3, "tab before a key")]
    [InlineData("a:\n  b: 1\n\tc: 2\n", 3, "tab inside a nested mapping")]
    public void Read_TabIndentation_ReportsPam007AtTheLine(string text, int line, string reason)
    {
        var (_, diagnostics) = Read(text);

        diagnostics.Should().ContainSingle(reason).Which.Should().Match<Diagnostic>(d => d.Code == "PAM007" && d.Location!.Line == line);
    }

    [Theory]
    [InlineData("ok: 1\n---\nkey: 'unterminated\n", 3, "unterminated quote")]
    [InlineData("a: b: c\n", 1, "mapping inside a plain scalar")]
    [InlineData("a: [1, 2\nb: 3\n", 1, "unclosed flow sequence (YamlDotNet throws InvalidOperationException)")]
    [InlineData("a: *nope\n", 1, "alias without anchor")]
    public void Read_SyntaxError_ReportsPam002WithLine(string text, int line, string reason)
    {
        var (_, diagnostics) = Read(text);

        diagnostics.Should().Contain(d => d.Code == "PAM002" && d.Location!.Line == line, reason);
    }

    [Fact]
    public void Read_SyntaxErrorInSecondDocument_KeepsTheFirst()
    {
        var (documents, _) = Read("a: 1\n---\nb: 'x\n");

        documents.Should().ContainSingle().Which.Root.Should().NotBeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_NestingDeeperThanLimit_ReportsPam005AndStops(bool flow)
    {
        var text = flow
            ? new string('[', 100_000)
            : string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "k:\n"));

        var (documents, diagnostics) = Read(text);

        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM005");
        documents.Should().BeEmpty();
    }

    [Fact]
    public void Read_NestingAtTheLimit_IsAccepted()
    {
        var (_, diagnostics) = Read(new string('[', YamlLimits.MaxDepth) + new string(']', YamlLimits.MaxDepth));

        diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("<<: {a: 1}\n", "merge keys")]
    [InlineData("? [a]\n: 1\n", "complex keys")]
    public void Read_UnsupportedFeature_ReportsPam010(string text, string reason)
    {
        var (_, diagnostics) = Read(text);

        diagnostics.Should().ContainSingle(reason).Which.Code.Should().Be("PAM010");
    }
}
