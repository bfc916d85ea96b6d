using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Providers.CyberArk.Tests;

/// <summary>examples/cyberark with the real pamctl (in process) against the simulator over HTTP.</summary>
public class ExamplesEndToEndTests
{
    [Fact]
    public async Task Examples_Converge_TheAccessRequestIsConfirmedThenExpires_AndNoSecretIsEverPrinted()
    {
        await using var ws = await Workspace.StartAsync();
        ws.Simulator.AddUser("alice", "alice-pw");

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        apply.ExitCode.Should().Be(0, apply.Out + apply.Error);
        apply.Out.Should().Contain("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");
        (await ws.StateAsync()).Should().BeEquivalentTo(Workspace.ExamplesState);

        var waiting = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        waiting.ExitCode.Should().Be(0, "safes, accounts and members converged and a tracked request is never a change: " + waiting.Out + waiting.Error);
        waiting.Out.Should().Contain("cyberark_access_request.patch-web01: requestId=\"linux-prod_1\", state=\"Waiting\"").And.Contain("confirmationsLeft=1");

        // alice is a level-1 confirmer of linux-prod (examples/cyberark/members.yaml): she confirms through IncomingRequests.
        var alice = await ws.LogonAsync("alice", "alice-pw");
        var incoming = await ws.GetAsync("PasswordVault/API/IncomingRequests", alice);
        incoming["IncomingRequests"]!.AsArray().Select(r => r!["RequestID"]!.GetValue<string>()).Should().Equal("linux-prod_1");
        (await ws.PostAsync("PasswordVault/API/IncomingRequests/linux-prod_1/Confirm", new JsonObject { ["Reason"] = "CHG0042 approved" }, alice))
            .Should().Be(HttpStatusCode.OK);

        var confirmed = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        confirmed.ExitCode.Should().Be(0, confirmed.Out + confirmed.Error);
        confirmed.Out.Should().Contain("state=\"Confirmed\"").And.Contain("confirmationsLeft=0");
        var json = await ws.RunAsync("plan", "-f", ws.Manifests, "--output", "json");
        JsonNode.Parse(json.Out)!["resource_changes"]!.AsArray().Single(c => c!["address"]!.GetValue<string>() == "cyberark_access_request.patch-web01")!
            ["status"]!["state"]!.GetValue<string>().Should().Be("Confirmed");

        ws.Simulator.AdvanceClock(TimeSpan.FromDays(365 * 6));
        var expired = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        expired.ExitCode.Should().Be(0, "an expired request is tracked, not requested again: " + expired.Out + expired.Error);
        expired.Out.Should().Contain("state=\"Expired\"");

        foreach (var text in new[] { apply.Out, apply.Error, waiting.Out, confirmed.Out, json.Out, expired.Out, expired.Error })
        {
            text.Should().NotContain(Workspace.RootCanary).And.NotContain(Workspace.DbaCanary).And.NotContain(Workspace.Password);
        }
    }

    [Fact]
    public async Task ChangingAnAccessRequest_IsAReplace_CancelThenRequestAgain_AndDeletingItCancels()
    {
        await using var ws = await Workspace.StartAsync();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        var path = Path.Combine(ws.Manifests, "access-request.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Kernel patching, change CHG0042", "Kernel and firmware patching", StringComparison.Ordinal));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);
        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        var token = await ws.LogonAsync("Administrator", Workspace.Password);
        var requests = (await ws.GetAsync("PasswordVault/API/MyRequests", token))["Requests"]!.AsArray();

        plan.Out.Should().Contain("must be replaced").And.Contain("created once, so cancelled and created again");
        apply.ExitCode.Should().Be(0, apply.Out + apply.Error);
        requests.Select(r => (r!["RequestID"]!.GetValue<string>(), r["UserReason"]!.GetValue<string>()))
            .Should().Equal([("linux-prod_2", "Kernel and firmware patching")], "the first request was cancelled");

        File.Delete(path);
        var removed = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve", "--prune");
        removed.ExitCode.Should().Be(0, removed.Out + removed.Error);
        (await ws.GetAsync("PasswordVault/API/MyRequests", token))["Requests"]!.AsArray().Should().BeEmpty();
    }
}
