using System.Diagnostics;
using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Loading;
using Xunit;

namespace PamOperator.Manifests.Tests.Loading;

public sealed class SourceTextReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pamctl-text-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(string? Text, DiagnosticBag Diagnostics)> ReadBytesAsync(byte[] bytes)
    {
        var path = Path.Combine(_root, "f.yaml");
        await File.WriteAllBytesAsync(path, bytes);
        var diagnostics = new DiagnosticBag();
        var text = await SourceTextReader.ReadAsync(new InputSource("f.yaml", path), TextReader.Null, diagnostics, CancellationToken.None);
        return (text, diagnostics);
    }

    [Fact]
    public async Task Read_Utf8WithBom_StripsTheBom()
    {
        var (text, diagnostics) = await ReadBytesAsync([0xEF, 0xBB, 0xBF, (byte)'a', (byte)':', (byte)' ', (byte)'1']);

        diagnostics.Should().BeEmpty();
        text.Should().Be("a: 1");
    }

    [Fact]
    public async Task Read_InvalidUtf8_ReportsPam006AtTheLine()
    {
        var (text, diagnostics) = await ReadBytesAsync([.. "a: 1\nb: caf"u8.ToArray(), 0xE9, (byte)'\n']);

        text.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "PAM006" && d.Location!.Line == 2);
    }

    [Fact]
    public async Task Read_NulBytes_ReportsBinary()
    {
        var (text, diagnostics) = await ReadBytesAsync([.. "a: 1\n\n"u8.ToArray(), 0, 1, 2]);

        text.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "PAM006" && d.Location!.Line == 3);
    }

    [Fact]
    public async Task Read_FileOver8MiB_ReportsPam003WithoutReadingIt()
    {
        var path = Path.Combine(_root, "big.yaml");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var diagnostics = new DiagnosticBag();
        var watch = Stopwatch.StartNew();
        var text = await SourceTextReader.ReadAsync(new InputSource("big.yaml", path), TextReader.Null, diagnostics, CancellationToken.None);

        text.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM003");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the size is checked before reading (hang guard, not a benchmark)");
    }

    [Fact]
    public async Task Read_StdinOver8MiB_ReportsPam003()
    {
        var diagnostics = new DiagnosticBag();

        var text = await SourceTextReader.ReadAsync(InputSource.Stdin, new StringReader(new string('a', 9 * 1024 * 1024)), diagnostics, CancellationToken.None);

        text.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Location!.File.Should().Be("<stdin>");
    }
}
