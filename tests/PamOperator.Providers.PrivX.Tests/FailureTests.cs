using FluentAssertions;
using PamOperator.Providers.PrivX.Tests.Support;
using PamOperator.Simulators.Common;
using Xunit;

namespace PamOperator.Providers.PrivX.Tests;

/// <summary>No transactions in this API: a failure at any write is compensated exactly, and a rerun converges.</summary>
public class FailureTests
{
    [Fact]
    public async Task FailureAtEveryWriteIndex_IsCompensatedExactly_AndARerunConverges()
    {
        await using var rig = await PrivXRig.StartAsync();
        PolicyTests.CopyExamples(rig);
        await rig.GrantByHandAsync("6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1002", "auditors");
        var initial = await rig.StateAsync();
        var writesBefore = Writes(rig);
        var clean = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
        var expected = await rig.StateAsync();
        var writes = Writes(rig) - writesBefore;
        clean.Exit.Should().Be(0, clean.Out + clean.Error);
        writes.Should().BeGreaterThan(3);

        for (var n = 1; n <= writes; n++)
        {
            await rig.SendAsync(HttpMethod.Post, "_sim/reset");
            await rig.GrantByHandAsync("6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1002", "auditors");
            rig.Simulator.Faults.Apply(new FaultSettings { FailNthWrite = n });

            var failed = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");
            var afterFailure = await rig.StateAsync();
            rig.Simulator.Faults.Apply(new FaultSettings());
            var rerun = await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve");

            failed.Exit.Should().Be(1, $"write {n} failed: {failed.Out}{failed.Error}");
            afterFailure.Should().Equal(initial, $"write {n} failed: every completed step is undone and the failed one puts back what it did");
            rerun.Exit.Should().Be(0, rerun.Out + rerun.Error);
            (await rig.StateAsync()).Should().Equal(expected, $"a rerun after the failure of write {n} converges");
        }
    }

    /// <summary>Writes the simulator has served: grants, revokes and tag updates.</summary>
    private static int Writes(PrivXRig rig) => rig.Simulator.RequestLog.Count(r =>
        r.Method is "PUT" or "DELETE" || (r.Method == "POST" && r.PathAndQuery.Contains("/access_roles/", StringComparison.Ordinal)));
}
