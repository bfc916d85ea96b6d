using System.Text.RegularExpressions;
using FluentAssertions;
using Spectre.Console.Testing;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// Progress while a PAM is observed and while an apply runs: a live display on a terminal (stderr, drawn with
/// Spectre.Console, erased when the phase ends), plain lines without one; stdout the same byte for byte either way.
/// </summary>
public partial class ProgressDisplayTests
{
    private const string Safes = """
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: progress-a
        spec: {}
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: progress-b
        spec: {}
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: progress-c
        spec: {}
        """;

    private static async Task<SimulatorWorkspace> StartAsync()
    {
        var ws = await SimulatorWorkspace.StartAsync("Journal", requestsPerSecond: 1000);
        ws.Write("manifests/safes.yaml", Safes);
        return ws;
    }

    [Fact]
    public async Task Plan_NoTerminal_OnePlainLinePerPamObservedOnStderr_StdoutUntouched()
    {
        await using var ws = await StartAsync();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", "json");

        plan.ExitCode.Should().Be(0, plan.All);
        ObservedLine().Matches(plan.Error).Should().ContainSingle("one line for the one PAM").Which.Value
            .Should().StartWith("pamctl: PAM test: observed ");
        plan.Out.Should().NotContain("pamctl: PAM", "progress never goes to stdout");
        System.Text.Json.JsonDocument.Parse(plan.Out).Should().NotBeNull("stdout is still one JSON document");
        plan.Error.Should().NotContain(ws.Simulator.ApiKey);
    }

    [Fact]
    public async Task Apply_NoTerminal_ObserveLineOnly_TheStepLinesAreTheApplyProgress()
    {
        await using var ws = await StartAsync();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(0, apply.All);
        ObservedLine().Matches(apply.Error).Should().ContainSingle();
        apply.Error.Should().NotContain("steps", "without a terminal the per-step lines on stdout tell the apply's progress");
        apply.Out.Should().Contain("fudo_safe.progress-a: Creation complete");
    }

    [Fact]
    public async Task Apply_LiveTerminal_ShowsPamAndStepCountsOnStderr_StdoutByteIdenticalToPlainRun()
    {
        await using var plainWs = await StartAsync();
        // One write at a time, so that both runs print their step lines in the same order.
        var plain = await plainWs.RunAsync("apply", "-f", plainWs.Manifests, "--auto-approve", "--parallelism", "1");
        await using var ws = await StartAsync();
        var display = new TestConsole().Width(120).Interactive().EmitAnsiSequences();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.ForTest(output, error) with
        {
            WorkingDirectory = ws.Directory,
            Environment = name => ws.Environment.GetValueOrDefault(name),
            LiveProgress = _ => display,
        };

        var exit = await PamctlApp.RunAsync(["apply", "-f", ws.Manifests, "--auto-approve", "--parallelism", "1"], console, CancellationToken.None);

        exit.Should().Be(0, output + error.ToString());
        var drawn = display.Output;
        drawn.Should().Contain("test").And.Contain("observing ").And.Contain("objects read");
        drawn.Should().Contain("0/3 steps").And.Contain("3/3 steps").And.Contain("create fudo_safe.progress-");
        drawn.Should().EndWith("\u001b[1A\u001b[2K", "the display is erased when the apply ends");
        drawn.Should().NotContain(ws.Simulator.ApiKey);
        error.ToString().Should().NotContain("pamctl: PAM test", "on a terminal the live display replaces the plain lines");
        output.ToString().Should().NotContain("\u001b", "the display never writes to stdout");
        Normalize(output.ToString()).Should().Be(Normalize(plain.Out), "stdout is the same with and without the display");
    }

    /// <summary>Step lines carry elapsed times and PAM ids that differ between runs.</summary>
    private static string Normalize(string stdout) => Elapsed().Replace(stdout, "after Ns");

    [GeneratedRegex(@"^pamctl: PAM \S+: observed \d[\d,]* objects in \d+ kinds?$", RegexOptions.Multiline)]
    private static partial Regex ObservedLine();

    [GeneratedRegex(@"after \d+\.\ds( \[id=[^\]]*\])?")]
    private static partial Regex Elapsed();
}
