using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Secret references cannot read anything they like: escapes are refused at validate, and what only apply can
/// see (a FIFO, a device) is refused there before any write, without hanging (S1 item 5).</summary>
public class SecretSourceTests
{
    private static string Account(string secret) => $"""
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: stolen
        spec:
          type: regular
          server: db-prod-01
          method: password
          login: stolen
          secret: {secret}
        """;

    [Theory]
    [InlineData("{valueFrom: {file: /etc/shadow}}", "PAM220")]
    [InlineData("{valueFrom: {file: ../../../../../../etc/passwd}}", "PAM220")]
    [InlineData("{valueFrom: {file: /proc/self/environ}}", "PAM220")]
    [InlineData("{valueFrom: {file: ../..}}", "PAM220")]
    [InlineData("{valueFrom: {env: " + SimulatorWorkspace.ApiKeyVariable + "}}", "PAM221")]
    public async Task Validate_SecretSourceEscape_IsRefusedAtTheSecretField(string secret, string code)
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/stolen.yaml", Account(secret));

        var validate = await ws.RunAsync("validate", "-f", ws.Manifests);
        var before = await ws.DumpAsync();
        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        validate.ExitCode.Should().Be(1, validate.All);
        validate.Error.Should().Contain($"{Path.Combine(ws.Manifests, "stolen.yaml")}:10:3: error {code}").And.NotContain("internal error");
        apply.ExitCode.Should().Be(1);
        apply.Error.Should().Contain(code).And.NotContain("internal error");
        (await ws.DumpAsync()).Should().Be(before);
        (validate.All + apply.All).Should().NotContain(ws.Simulator.ApiKey);
    }

    [Fact]
    public async Task Apply_SecretFileIsAFifo_IsRefusedBeforeAnyWrite_WithoutHanging()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/stolen.yaml", Account("{valueFrom: {file: pipe}}"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(ws.Manifests, "pipe")))
        {
            mkfifo.WaitForExit(5000).Should().BeTrue();
        }

        var before = await ws.DumpAsync();
        var clock = Stopwatch.StartNew();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain("PAM503").And.Contain("took more than 5 seconds").And.NotContain("internal error");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        (await ws.DumpAsync()).Should().Be(before);
        using var release = new FileStream(Path.Combine(ws.Manifests, "pipe"), FileMode.Open, FileAccess.Write);
    }

    [Fact]
    public async Task Apply_SecretTooShortToRedact_IsRefusedBeforeAnyWrite()
    {
        // A three-character secret could not be masked in outputs without masking ordinary words: refused, not sent.
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/stolen.yaml", Account("{valueFrom: {file: short.secret}}"));
        ws.Write("manifests/short.secret", "abc\n");
        var before = await ws.DumpAsync();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain("PAM503").And.Contain("shorter than 4 characters").And.NotContain("internal error");
        (await ws.DumpAsync()).Should().Be(before);
    }
}
