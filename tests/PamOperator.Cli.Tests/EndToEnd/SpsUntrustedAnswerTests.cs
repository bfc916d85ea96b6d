using FluentAssertions;
using Microsoft.AspNetCore.Http;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>One Identity SPS end to end against a hostile server on 127.0.0.1 that logs on like SPS (a session_id
/// cookie) and then answers the user list with something that cannot be trusted, or redirects: plan and apply are one
/// diagnostic and exit 1, nothing is written (no transaction opened), and neither the REST password nor the session
/// id is printed or written to any file.</summary>
public sealed class SpsUntrustedAnswerTests
{
    private const string Session = "CanarySpsSession0123456789";
    private const string Users = "api/configuration/aaa/local_database/users";

    [Theory]
    [InlineData("""{"items":{}}""", "an object instead of the items list")]
    [InlineData("""{"items":[{"key":"aa11"},{"key":"aa11"}]}""", "a key listed twice")]
    [InlineData("""{"items":[{"key":"../groups/1"}]}""", "a key that would be a path")]
    [InlineData("<html><body>Sign in</body></html>", "a login page is not JSON")]
    public async Task PlanAndApply_HostileUserList_Exit1_Pam507_NoWrite_NoSecret(string body, string reason)
    {
        await using var ws = await SpsWorkspace.StartAsync();
        await using var pam = await HostileServer.StartAsync(Sps(HostileAnswers.Text(200, body, body.StartsWith('<') ? "text/html" : "application/json")));
        PointAt(ws, pam);

        var runs = new[] { await ws.RunAsync("plan", "-f", ws.Manifests), await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve") };

        foreach (var run in runs)
        {
            run.ExitCode.Should().Be(1, reason);
            run.Error.Should().Contain("PAM507", reason).And.Contain("/" + Users).And.NotContain("internal error").And.NotContain("   at ");
        }

        pam.WriteRequests.Should().Be(0, "nothing is written (no transaction is opened) after an answer that cannot be trusted");
        NoSecretIn(ws, runs);
    }

    [Fact]
    public async Task Plan_RedirectedUserList_IsPam509_AndTheOtherHostHearsNothing()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        await using var other = await HostileServer.StartAsync(HostileAnswers.Text(200, """{"items":[]}"""));
        await using var pam = await HostileServer.StartAsync(Sps(HostileAnswers.Redirect(307, other.BaseAddress + Users)));
        PointAt(ws, pam);

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("PAM509").And.Contain(other.BaseAddress.Host).And.NotContain("internal error");
        other.Requests.Should().BeEmpty();
        pam.WriteRequests.Should().Be(0);
        NoSecretIn(ws, [plan]);
    }

    /// <summary>Logon answers a session cookie; the user list answers <paramref name="users"/>; everything else is an
    /// empty SPS answer.</summary>
    private static Func<HttpContext, Task> Sps(Func<HttpContext, Task> users) => context =>
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        if (path == "api/authentication")
        {
            context.Response.Headers.SetCookie = $"session_id={Session}; Path=/; HttpOnly";
            return HostileAnswers.Text(200, "{}")(context);
        }

        return path == Users ? users(context)
            : HostileAnswers.Text(200, path == "api/configuration/aaa/acls" ? """{"body":[]}""" : """{"items":[]}""")(context);
    };

    private static void PointAt(SpsWorkspace ws, HostileServer pam)
    {
        var file = Path.Combine(ws.Manifests, "providerconfig.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(ws.Simulator.BaseAddress.ToString(), pam.BaseAddress.ToString(), StringComparison.Ordinal));
    }

    private static void NoSecretIn(SpsWorkspace ws, IEnumerable<CliHarness.Result> runs)
    {
        var everything = runs.Select(r => r.All).Concat(ws.WrittenFiles()).ToList();
        foreach (var canary in ws.Canaries.Append(ws.Simulator.Password).Append(Session))
        {
            everything.Should().NotContain(text => text.Contains(canary, StringComparison.Ordinal), "no secret in any output or file");
        }
    }
}
