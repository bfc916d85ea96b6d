using System.Net;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary><c>pamctl simulator</c>, run in-process: prints where it listens, serves the API, stops on cancellation.</summary>
public class SimulatorCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Simulator_PortZero_PrintsListeningLineAndKey_ServesApi_StopsOnCancel()
    {
        using var cts = new CancellationTokenSource(Bound);
        var output = new LineWriter();
        using var error = new StringWriter();
        var run = PamctlApp.RunAsync(["simulator", "--vendor", "fudo", "--listen", "127.0.0.1:0"], new CliConsole(output, error, TextReader.Null, false), cts.Token);

        var listening = await output.WaitForLineAsync("listening on ", Bound);
        var key = (await output.WaitForLineAsync("api key: ", Bound))["api key: ".Length..];
        using var http = new HttpClient { BaseAddress = new Uri(listening["listening on ".Length..]) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        var users = await http.GetStringAsync("/api/v2/user?fields=name");
        await cts.CancelAsync();
        var exitCode = await run.WaitAsync(Bound);

        listening.Should().MatchRegex(@"^listening on http://127\.0\.0\.1:[1-9][0-9]*$");
        users.Should().Contain("\"alice\"");
        exitCode.Should().Be(0, error.ToString());
    }

    [Fact]
    public async Task Simulator_GivenKeyAndFaultFlag_UsesThem_AndDoesNotPrintTheKey()
    {
        using var cts = new CancellationTokenSource(Bound);
        var output = new LineWriter();
        var run = PamctlApp.RunAsync(["simulator", "--api-key", "given-key", "--fail-next", "1", "--failure-status", "502"],
            new CliConsole(output, TextWriter.Null, TextReader.Null, false), cts.Token);

        var listening = await output.WaitForLineAsync("listening on ", Bound);
        using var http = new HttpClient { BaseAddress = new Uri(listening["listening on ".Length..]) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "given-key");
        var first = await http.GetAsync("/api/v2/safe");
        var second = await http.GetAsync("/api/v2/safe");
        await cts.CancelAsync();
        await run.WaitAsync(Bound);

        first.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        output.Text.Should().NotContain("api key").And.NotContain("given-key");
    }

    [Theory]
    [InlineData("--vendor", "nosuchvendor", "'nosuchvendor' not recognized")]
    [InlineData("--listen", "0.0.0.0:0", "must be on loopback")]
    [InlineData("--failure-rate", "2", "failure rate must be between 0 and 1")]
    [InlineData("--seed", "/nonexistent/fixtures.yaml", "does not exist")]
    public async Task Simulator_BadFlag_ExitsOne_WithAClearMessage(string flag, string value, string message)
    {
        var result = await CliHarness.RunAsync("simulator", flag, value);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(message);
        result.Out.Should().NotContain("listening on");
    }
}
