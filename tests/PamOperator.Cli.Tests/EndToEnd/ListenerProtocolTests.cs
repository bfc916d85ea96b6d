using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>A vnc account on an ssh listener is found by plan (PAM314 at the manifest's listener line), not by apply;
/// a listener of the account's protocol plans cleanly.</summary>
public class ListenerProtocolTests
{
    private static string Manifests(string server, string listener) => $"""
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: lp-safe
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: lp-account
        spec:
          type: regular
          server: {server}
          method: password
          login: admin
          secret:
            valueFrom:
              env: LP_PASSWORD
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: AccountSafeListenerAssignment
        metadata:
          name: lp-assignment
        spec:
          account: lp-account
          safe: lp-safe
          listener: {listener}

        """;

    [Fact]
    public async Task Plan_VncAccountOnAnSshListener_IsPam314AtTheListenerLine()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/lp.yaml", Manifests("vnc-lab-01", "ssh-gw"));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1, plan.All);
        plan.Error.Should().Contain("lp.yaml:26:3: error PAM314: spec.listener: the listener serves ssh, but the account connects with vnc")
            .And.Contain("fudo_account_safe_listener_assignment.lp-assignment");
        (await ws.DumpAsync()).Should().NotContain("lp-account", "nothing was written");
    }

    [Fact]
    public async Task Plan_ListenerOfTheAccountsProtocol_HasNoPam314()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/lp.yaml", Manifests("db-prod-01", "ssh-gw"));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(0, plan.All);
        plan.All.Should().NotContain("PAM314");
    }
}
