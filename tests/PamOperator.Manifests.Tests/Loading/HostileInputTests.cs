using PamOperator.Manifests.Tests.TestSupport;
using System.Diagnostics;
using FluentAssertions;
using PamOperator.Core.Diagnostics;
using Xunit;

namespace PamOperator.Manifests.Tests.Loading;

/// <summary>Hostile inputs are diagnostics with a location, never a hang, an internal error or a disclosure (S1 item 7).</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pamctl-hostile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<IReadOnlyList<Diagnostic>> ReadAsync(params string[] paths) =>
        (await ManifestReader.ReadAsync(paths, TextReader.Null, Catalogs.Default, CancellationToken.None)).Diagnostics;

    private void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", Path.Combine(_root, path));
        mkfifo.WaitForExit(5000).Should().BeTrue();
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Read_NumberBeyondDouble_IsPam014AtTheValue(string number)
    {
        var path = Write("safe.yaml", $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec:\n  timeLimit: {number}\n");

        var diagnostics = await ReadAsync(path);

        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("PAM014");
        d.Location.Should().Be(new SourceLocation(path, 6, 14));
    }

    [Fact]
    public async Task Read_DevZero_IsPam011()
    {
        var diagnostics = await ReadAsync("/dev/zero");

        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "PAM011" && d.Location!.File == "/dev/zero");
    }

    [Fact]
    public async Task Read_FifoNamedWithF_IsPam011WithinTheTimeout()
    {
        MakeFifo("pipe.yaml");
        var clock = Stopwatch.StartNew();

        var diagnostics = await ReadAsync(Path.Combine(_root, "pipe.yaml"));

        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM011");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        using var release = new FileStream(Path.Combine(_root, "pipe.yaml"), FileMode.Open, FileAccess.Write);
    }

    [Fact]
    public async Task Read_SymlinkInADirectoryLeadingOutside_IsPam013AndNotRead()
    {
        var outside = Write("outside/shadow.yaml", "root:$6$secrethash:19000:0:99999:7:::\n");
        Write("m/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec: {}\n");
        File.CreateSymbolicLink(Path.Combine(_root, "m", "shadow.yaml"), outside);
        File.CreateSymbolicLink(Path.Combine(_root, "m", "etc.yaml"), "/etc/passwd");

        var diagnostics = await ReadAsync(Path.Combine(_root, "m"));

        diagnostics.Should().HaveCount(2).And.OnlyContain(d => d.Code == "PAM013" && d.Location != null);
        diagnostics.Should().NotContain(d => (d.Summary + d.Detail).Contains("secrethash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_SymlinkInsideTheDirectory_IsRead()
    {
        Write("m/real/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec: {}\n");
        File.CreateSymbolicLink(Path.Combine(_root, "m", "alias.yml"), Path.Combine(_root, "m", "real", "safe.yaml"));

        var read = await ManifestReader.ReadAsync([Path.Combine(_root, "m", "alias.yml")], TextReader.Null, Catalogs.Default, CancellationToken.None);

        read.Diagnostics.Should().BeEmpty();
        read.Objects.Should().ContainSingle();
    }

    [Fact]
    public async Task Read_UnreadableFile_IsPam012()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root reads every file (and Windows has no mode bits): the case cannot be built here.
        }

        var path = Write("m/safe.yaml", "a: 1\n");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var diagnostics = await ReadAsync(path);

        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM012");
    }
}
