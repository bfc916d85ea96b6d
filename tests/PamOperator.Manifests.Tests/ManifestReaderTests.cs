using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests;

public class ManifestReaderTests
{
    [Theory]
    [InlineData("ssh: *nope", "PAM002", "an unknown alias is reported once, not again as a null value")]
    [InlineData("reason: !vault kv/x", "PAM010", "an unsupported tag is reported once")]
    public async Task Read_UnreadableValue_IsReportedOnce(string line, string code, string reason)
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "s", line));

        result.Codes().Should().Equal([code], reason);
    }

    [Fact]
    public async Task Read_YamlErrorInAFile_KeepsItsObjectsFromTheEngine()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "good") + "---\n" + Manifest.Object("Safe", "dup", "webclient: true", "webclient: false"));

        result.Codes().Should().Equal("PAM008");
        result.Objects.Should().BeEmpty("a file with a YAML error is not handed to the engine, even its valid documents");
        result.Documents.Should().Be(2);
    }

    [Fact]
    public async Task Read_SeveralFiles_KeepsInputOrderAndSortsDiagnostics()
    {
        var directory = Directory.CreateTempSubdirectory("pamctl-reader-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "b.yaml"), Manifest.Object("Safe", "b", "bogus: 1"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "a.yaml"), Manifest.Object("Safe", "a") + "---\n" + Manifest.Object("Safe", "c"));

            var result = await ManifestReader.ReadAsync([directory.FullName], TextReader.Null, Catalogs.Default, CancellationToken.None);

            result.Objects.Select(o => o.Name).Should().Equal("a", "c");
            result.Diagnostics.Should().ContainSingle().Which.Location!.File.Should().EndWith("b.yaml");
            result.Documents.Should().Be(3);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
