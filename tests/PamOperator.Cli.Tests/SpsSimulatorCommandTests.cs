using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary><c>pamctl simulator --vendor sps</c>, run in-process: the REST user and password given or generated.</summary>
public class SpsSimulatorCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SpsSimulator_GivenUserAndPassword_AcceptsThemForLogon_AndNeverPrintsThePassword()
    {
        using var cts = new CancellationTokenSource(Bound);
        var output = new LineWriter();
        using var error = new StringWriter();
        var run = PamctlApp.RunAsync(["simulator", "--vendor", "sps", "--user", "ops", "--password", "given-sps-pw-31", "--listen", "127.0.0.1:0"],
            new CliConsole(output, error, TextReader.Null, false), cts.Token);

        var listening = await output.WaitForLineAsync("listening on ", Bound);
        var good = await LogOnAsync(listening["listening on ".Length..], "ops:given-sps-pw-31");
        var bad = await LogOnAsync(listening["listening on ".Length..], "ops:wrong");
        await cts.CancelAsync();
        var exitCode = await run.WaitAsync(Bound);

        good.Should().Be(HttpStatusCode.OK);
        bad.Should().Be(HttpStatusCode.Unauthorized);
        exitCode.Should().Be(0, error.ToString());
        (output.Text + error).Should().NotContain("given-sps-pw-31").And.NotContain("credentials:");
        error.ToString().Should().Contain("One Identity SPS 5.7 REST simulator, user ops");
    }

    [Fact]
    public async Task SpsSimulator_WithoutPassword_PrintsGeneratedCredentials_ThatLogOn()
    {
        using var cts = new CancellationTokenSource(Bound);
        var output = new LineWriter();
        var run = PamctlApp.RunAsync(["simulator", "--vendor", "sps", "--listen", "127.0.0.1:0"], new CliConsole(output, TextWriter.Null, TextReader.Null, false), cts.Token);

        var listening = await output.WaitForLineAsync("listening on ", Bound);
        var credentials = (await output.WaitForLineAsync("credentials: ", Bound))["credentials: ".Length..];
        var status = await LogOnAsync(listening["listening on ".Length..], credentials);
        await cts.CancelAsync();
        await run.WaitAsync(Bound);

        credentials.Should().MatchRegex("^admin:[0-9a-f]{32}$");
        status.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> LogOnAsync(string baseAddress, string credentials)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/authentication");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
