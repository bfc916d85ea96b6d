using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Vendors.Tests.Support;
using Xunit;

namespace PamOperator.Vendors.Tests;

/// <summary>Kind capabilities the next vendors need, proven with the test vendor end to end over HTTP.</summary>
public class CapabilityTests
{
    [Fact]
    public async Task ObserveOnlyKind_Differs_DriftIsReportedAndNothingIsPlanned()
    {
        using var ws = new Workspace();
        ws.Write("pam/audit.yaml", Yaml.AcmeAuditPolicy(30));

        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--detailed-exitcode", "-o", "json");
        var apply = await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--auto-approve");

        plan.Exit.Should().Be(2, "drift on an observe-only object is reported like any drift");
        var change = JsonNode.Parse(plan.Out)!["resource_changes"]!.AsArray().Single()!;
        change["change"]!["actions"]!.AsArray().Select(a => (string)a!).Should().Equal("no-op");
        change["action_reason"]!.GetValue<string>().Should().Contain("observe-only");
        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        apply.Out.Should().Contain("0 added, 0 changed, 0 destroyed", "the API cannot write it, so nothing is ever sent");
    }

    [Fact]
    public async Task LifecycleKind_CreatedOnceThenTracked_AChangeIsAReplace()
    {
        using var ws = new Workspace();
        ws.Write("pam/safe.yaml", Yaml.AcmeSafe("vault"));
        ws.Write("pam/account.yaml", Yaml.AcmeAccount("dba", "vault"));
        ws.Write("pam/request.yaml", Yaml.AcmeAccessRequest("dba-access", "dba", "CHG-1"));
        (await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--auto-approve")).Exit.Should().Be(0);

        var tracked = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--detailed-exitcode");
        ws.Write("pam/request.yaml", Yaml.AcmeAccessRequest("dba-access", "dba", "CHG-2"));
        var changed = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "-o", "json");

        tracked.Exit.Should().Be(0, tracked.Out + tracked.Error);
        tracked.Out.Should().Contain("Tracked objects").And.Contain("acme_access_request.dba-access: state=\"Pending\"");
        var change = JsonNode.Parse(changed.Out)!["resource_changes"]!.AsArray()
            .Single(c => (string)c!["address"]! == "acme_access_request.dba-access")!;
        change["change"]!["actions"]!.AsArray().Select(a => (string)a!).Should().Equal("delete", "create");
        change["action_reason"]!.GetValue<string>().Should().Contain("cancelled and created again");
        change["status"]!["state"]!.GetValue<string>().Should().Be("Pending");
    }

    [Fact]
    public async Task ImmutableField_OfTheTestVendor_PlansAReplace()
    {
        using var ws = new Workspace();
        ws.Write("pam/safe.yaml", Yaml.AcmeSafe("vault", region: "eu"));
        (await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--auto-approve")).Exit.Should().Be(0);
        ws.Write("pam/safe.yaml", Yaml.AcmeSafe("vault", region: "us"));

        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("pam"));

        plan.Out.Should().Contain("-/+").And.Contain("forced by immutable field spec.region");
    }
}
