using FluentAssertions;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>S1 items 1-2 end to end: a PAM answer that cannot be trusted (or a redirect) is one diagnostic, exit 1,
/// never an internal error, and nothing is written in that run.</summary>
public class UntrustedAnswerTests
{
    private const string OneSafe = "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: ua-safe\nspec: {}\n";

    [Theory]
    [InlineData("""{"result":"success","safe":{}}""", "PAM507", "an object instead of the list")]
    [InlineData("""{"result":"error"}""", "PAM507", "HTTP 200 with the error envelope is not 'nothing exists'")]
    [InlineData("<html><body>Sign in</body></html>", "PAM507", "a login page is not JSON")]
    [InlineData("""{"result":"success","safe":[{"id":"../user/1","name":"ua-safe"}]}""", "PAM507", "an id that would be a path")]
    public async Task PlanAndApply_HostileListAnswer_Exit1_OneDiagnostic_NoWrite(string body, string code, string reason)
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, body));
        PointAt(ws, pam);

        foreach (var run in new[] { await ws.RunAsync("plan", "-f", ws.Manifests), await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve") })
        {
            run.ExitCode.Should().Be(1, reason);
            run.Error.Should().Contain(code, reason).And.NotContain("internal error").And.NotContain("   at ");
        }

        pam.WriteRequests.Should().Be(0, "nothing is written after an answer that cannot be trusted");
    }

    [Fact]
    public async Task Plan_RedirectToAnotherHost_IsPam509_AndTheOtherHostHearsNothing()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        await using var other = await HostileServer.StartAsync(HostileAnswers.Text(200, """{"result":"success","safe":[]}"""));
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Redirect(307, other.BaseAddress + "api/v2/safe"));
        PointAt(ws, pam);

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("PAM509").And.Contain(other.BaseAddress.Host).And.NotContain("internal error");
        other.Requests.Should().BeEmpty();
    }

    private static void PointAt(SimulatorWorkspace ws, HostileServer pam)
    {
        ws.Write("manifests/safe.yaml", OneSafe);
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/providerconfig.yaml", config.Replace(ws.Simulator.BaseAddress.ToString(), pam.BaseAddress.ToString(), StringComparison.Ordinal));
    }
}
