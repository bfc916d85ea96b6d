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

        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "--detailed-exitcode", "-o", "json");
        var apply = await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve");

        plan.Exit.Should().Be(0, "drift alone is no change to apply: --detailed-exitcode exits 2 only for changes (docs/planning.md)");
        JsonNode.Parse(plan.Out)!["resource_drift"]!.AsArray().Should().ContainSingle("the drift is reported");
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
        (await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve")).Exit.Should().Be(0);

        var tracked = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "--detailed-exitcode");
        ws.Write("pam/request.yaml", Yaml.AcmeAccessRequest("dba-access", "dba", "CHG-2"));
        var changed = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "-o", "json");

        tracked.Exit.Should().Be(0, tracked.Out + tracked.Error);
        tracked.Out.Should().Contain("Tracked objects").And.Contain("acme_access_request.dba-access: state=\"Pending\"");
        var change = JsonNode.Parse(changed.Out)!["resource_changes"]!.AsArray()
            .Single(c => (string)c!["address"]! == "acme_access_request.dba-access")!;
        change["change"]!["actions"]!.AsArray().Select(a => (string)a!).Should().Equal("delete", "create");
        change["action_reason"]!.GetValue<string>().Should().Contain("cancelled and created again");
        change["status"]!["state"]!.GetValue<string>().Should().Be("Pending");
    }

    [Fact]
    public async Task SelectorKind_TagsEveryMatchingConnection_KeepsOtherTags_AndFollowsNewConnections()
    {
        using var ws = new Workspace();
        ws.Write("pam/tags.yaml", Yaml.AcmeConnectionTags("pci", "prod", "pci", "audited"));

        var first = Updates(await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "-o", "json"));
        var apply = await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve");
        var clean = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "--detailed-exitcode");
        await AddConnectionAsync(ws, "db3-prod", "prod");
        await AddConnectionAsync(ws, "db9-dev", "dev");
        var next = Updates(await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "-o", "json"));

        first.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["acme_connection_tags.pci[db1-prod]"] = """["legacy","pci","audited"]""",
            ["acme_connection_tags.pci[db2-prod]"] = """["pci","audited"]""",
        }, "only prod connections are selected, and a tag put there by hand (legacy) stays");
        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        apply.Out.Should().Contain("2 changed");
        clean.Exit.Should().Be(0, clean.Out + clean.Error);
        next.Should().BeEquivalentTo(new Dictionary<string, string> { ["acme_connection_tags.pci[db3-prod]"] = """["pci","audited"]""" },
            "a connection that appears later is covered by the next plan; the new dev one is not selected");
    }

    [Fact]
    public async Task ImmutableField_OfTheTestVendor_PlansAReplace()
    {
        using var ws = new Workspace();
        ws.Write("pam/safe.yaml", Yaml.AcmeSafe("vault", region: "eu"));
        (await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve")).Exit.Should().Be(0);
        ws.Write("pam/safe.yaml", Yaml.AcmeSafe("vault", region: "us"));

        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded");

        plan.Out.Should().Contain("-/+").And.Contain("forced by immutable field spec.region");
    }

    /// <summary>Updates of a JSON plan: address to the list the change leaves.</summary>
    private static Dictionary<string, string> Updates((int Exit, string Out, string Error) plan) =>
        JsonNode.Parse(plan.Out)!["resource_changes"]!.AsArray()
            .Where(c => c!["change"]!["actions"]!.AsArray().Any(a => (string)a! == "update"))
            .ToDictionary(c => (string)c!["address"]!, c => c!["change"]!["after"]!["tags"]!.ToJsonString());

    /// <summary>A connection made by the PAM itself (as users connect), through the simulator's admin endpoint, over
    /// the same state file the embedded simulator keeps.</summary>
    private static async Task AddConnectionAsync(Workspace ws, string name, string environment)
    {
        var factory = new PamOperator.Vendors.Acme.Simulator.AcmeSimulatorFactory();
        await using var simulator = await factory.StartAsync(
            new Core.Vendors.SimulatorLaunch("127.0.0.1:0", ws.PathOf(".pamctl/acme-simulator.db")), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        var body = new JsonObject { ["name"] = name, ["spec"] = new JsonObject { ["environment"] = environment, ["tags"] = new JsonArray() } };
        using var response = await http.PostAsync("_sim/connection", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
