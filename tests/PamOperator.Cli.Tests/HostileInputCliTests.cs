using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary>Hostile inputs through the whole command: each a diagnostic with a location and exit 1, never an
/// "internal error", a hang or a disclosure (S1 item 7).</summary>
public sealed class HostileInputCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pamctl-hostile-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Fifo(string relative)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit(5000).Should().BeTrue();
        return path;
    }

    private Task<CliHarness.Result> RunAsync(params string[] args) =>
        CliHarness.RunInAsync(_dir, new Dictionary<string, string>(), "", false, args);

    private static void ShouldBeADiagnostic(CliHarness.Result result, string code)
    {
        result.ExitCode.Should().Be(1, result.All);
        result.Error.Should().MatchRegex($":[0-9]+:[0-9]+: error {code}:").And.NotContain("internal error").And.NotContain("   at ");
    }

    [Fact]
    public async Task Validate_TimeLimit1e400_IsPam014()
    {
        var file = Write("safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec:\n  timeLimit: 1e400\n");

        var result = await RunAsync("validate", "-f", file);

        ShouldBeADiagnostic(result, "PAM014");
        result.Error.Should().Contain($"{file}:6:14:");
    }

    [Fact]
    public async Task Validate_DevZero_IsPam011()
    {
        ShouldBeADiagnostic(await RunAsync("validate", "-f", "/dev/zero"), "PAM011");
    }

    [Fact]
    public async Task Validate_Fifo_IsPam011_WithinTheTimeout()
    {
        var fifo = Fifo("pipe.yaml");
        var clock = Stopwatch.StartNew();

        var result = await RunAsync("validate", "-f", fifo);

        ShouldBeADiagnostic(result, "PAM011");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        using var release = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }

    [Fact]
    public async Task Validate_DirectoryWithASymlinkToEtcPasswd_IsPam013_AndPrintsNothingOfIt()
    {
        Write("m/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec: {}\n");
        File.CreateSymbolicLink(Path.Combine(_dir, "m", "users.yaml"), "/etc/passwd");

        var result = await RunAsync("validate", "-f", Path.Combine(_dir, "m"));

        ShouldBeADiagnostic(result, "PAM013");
        result.All.Should().NotContain("root:").And.NotContain("/bin/");
    }

    [Fact]
    public async Task Validate_IgnoreFileIsAFifo_IsPam012_WithoutHanging()
    {
        Write("m/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec: {}\n");
        var fifo = Fifo("m/.pamctlignore");

        var result = await RunAsync("validate", "-f", Path.Combine(_dir, "m"));

        ShouldBeADiagnostic(result, "PAM012");
        using var release = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }

    [Fact]
    public async Task Apply_PlanFileIsADevice_IsPam312()
    {
        var manifests = Write("m/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: s1\nspec: {}\n");

        var result = await RunAsync("apply", "/dev/zero", "-f", manifests);

        result.ExitCode.Should().Be(1, result.All);
        result.Error.Should().Contain("error PAM312").And.NotContain("internal error");
    }
}
