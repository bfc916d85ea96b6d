using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Providers.PrivX.Tests.Support;
using PamOperator.Simulators.Common;
using Xunit;

namespace PamOperator.Providers.PrivX.Tests;

/// <summary>pamctl killed mid-apply (a real child process): the next apply converges.</summary>
public class KillTests
{
    [Fact]
    public async Task PamctlKilledMidApply_NextApplyConverges()
    {
        await using var rig = await PrivXRig.StartAsync();
        await rig.SendAsync(HttpMethod.Post, "_sim/connections", new JsonObject
        {
            ["bulk"] = new JsonObject { ["count"] = 30, ["template"] = new JsonObject { ["target_host_data"] = new JsonObject { ["common_name"] = "db-prod-01" } } },
        });
        rig.Write("pam/grant.yaml", PrivXRig.Grant("auditors-prod", "auditors", "targetHosts: [db-prod-01]"));
        rig.Simulator.Faults.Apply(new FaultSettings { LatencyMs = 150 });
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = rig.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "pamctl.dll"), "apply", "-f", rig.PathOf("pam"), "--auto-approve" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[PrivXRig.CredentialVariable] = rig.Environment[PrivXRig.CredentialVariable];
        using var child = Process.Start(info)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Writes(rig) < 4 && !child.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var writesAtKill = Writes(rig);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        rig.Simulator.Faults.Apply(new FaultSettings());
        var partial = await rig.StateAsync();
        var rerun = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var plan = await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "--detailed-exitcode");
        var state = await rig.StateAsync();

        writesAtKill.Should().BeGreaterThanOrEqualTo(4, "the child was killed after it had started writing");
        partial.Values.Count(v => v.StartsWith("roles=[auditors]", StringComparison.Ordinal)).Should().BeLessThan(31, "the kill interrupted the apply");
        rerun.Exit.Should().Be(0, rerun.Out + rerun.Error);
        plan.Exit.Should().Be(0, plan.Out + plan.Error);
        state.Values.Count(v => v.StartsWith("roles=[auditors]", StringComparison.Ordinal) && v.Contains("~pamctl/grant/auditors-prod/", StringComparison.Ordinal))
            .Should().Be(31, "every selected connection is granted and owned exactly once");
    }

    /// <summary>The state a kill leaves between a step's two writes (the ownership record is written before the grant
    /// it owns; the grant was never sent), made by hand so that no timing decides it: the rerun grants and keeps the
    /// record, so the connection stays managed (a grant without its record would look hand-made forever). Also an owned
    /// tag removed by hand: putting it back must leave the records of the unchanged owners fields alone.</summary>
    [Fact]
    public async Task KilledBetweenOwnershipRecordAndGrant_RerunGrantsAndKeepsTheRecord()
    {
        await using var rig = await PrivXRig.StartAsync();
        var record = "~pamctl/grant/auditors-prod/" + await rig.RoleIdAsync("auditors");
        var host = new JsonObject { ["common_name"] = "db-prod-01" };
        var ids = await rig.AddConnectionsAsync(
            new JsonObject { ["target_host_data"] = host.DeepClone(), ["tags"] = new JsonArray(record) },
            new JsonObject { ["target_host_data"] = host.DeepClone(), ["tags"] = new JsonArray("legacy", record) },
            new JsonObject { ["target_host_data"] = host.DeepClone() },
            new JsonObject { ["target_host_data"] = host.DeepClone(), ["access_roles"] = new JsonArray("auditors"), ["tags"] = new JsonArray(record, "~pamctl/tag/pci-prod/pci") });
        rig.Write("pam/grant.yaml", PrivXRig.Grant("auditors-prod", "auditors", "targetHosts: [db-prod-01]"));
        rig.Write("pam/tags.yaml", PrivXRig.Tags("pci-prod", "targetHosts: [db-prod-01]", "pci"));

        var rerun = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var plan = await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "--detailed-exitcode");
        var state = await rig.StateAsync();

        rerun.Exit.Should().Be(0, rerun.Out + rerun.Error);
        plan.Exit.Should().Be(0, plan.Out + plan.Error);
        state[ids[0]].Should().Be($"roles=[auditors] tags=[pci,{record},~pamctl/tag/pci-prod/pci]", "the record written before the kill still owns the grant");
        state[ids[1]].Should().Be($"roles=[auditors] tags=[legacy,pci,{record},~pamctl/tag/pci-prod/pci]", "the record is kept and other tags are untouched");
        state[ids[2]].Should().Be($"roles=[auditors] tags=[pci,{record},~pamctl/tag/pci-prod/pci]", "a connection the killed run never reached is granted and owned");
        state[ids[3]].Should().Be($"roles=[auditors] tags=[pci,{record},~pamctl/tag/pci-prod/pci]",
            "an owned tag removed by hand comes back with its record, and the unchanged grant record is not touched");
        state.Values.Count(v => v.StartsWith("roles=[auditors]", StringComparison.Ordinal) && !v.Contains(record, StringComparison.Ordinal))
            .Should().Be(0, "no selected connection is left granted without its ownership record");
    }

    private static int Writes(PrivXRig rig) => rig.Simulator.RequestLog.Count(r => r.Method is "PUT" or "POST" && r.PathAndQuery.StartsWith("/connection-manager/api/v1/connections/", StringComparison.Ordinal) && !r.PathAndQuery.EndsWith("/search", StringComparison.Ordinal));
}
