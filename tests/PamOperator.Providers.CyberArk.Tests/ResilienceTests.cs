using System.Diagnostics;
using PamOperator.Simulators.Common;

namespace PamOperator.Providers.CyberArk.Tests;

/// <summary>No transactions in PVWA: the journal compensates a failed apply, and a rerun converges after a failure at
/// any write or a killed pamctl.</summary>
public class ResilienceTests
{
    private static readonly Dictionary<string, List<string>> Empty = new()
    {
        ["safes"] = [], ["members"] = [], ["accounts"] = [], ["requests"] = [],
    };

    [Fact]
    public async Task AFailureAtEveryWriteIndex_IsCompensated_AndTheRerunConverges()
    {
        await using var ws = await Workspace.StartAsync();
        for (var index = 1; index <= 7; index++)
        {
            ws.Simulator.SetFaults(new FaultSettings { FailNthWrite = index });
            var failed = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
            failed.ExitCode.Should().Be(1, $"write {index} fails: {failed.Out}{failed.Error}");
            (await ws.StateAsync()).Should().BeEquivalentTo(Empty, $"the writes before write {index} were compensated");

            ws.Simulator.SetFaults(new FaultSettings());
            var rerun = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
            rerun.ExitCode.Should().Be(0, rerun.Out + rerun.Error);
            (await ws.StateAsync()).Should().BeEquivalentTo(Workspace.ExamplesState, $"the rerun after a failure at write {index} converges");

            // The next index starts from an empty vault again.
            using var reset = await ws.Http.PostAsync("_sim/reset", null);
            reset.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task AKilledApply_ConvergesOnTheNextRun_WithoutDuplicates()
    {
        await using var ws = await Workspace.StartAsync();
        ws.Simulator.SetFaults(new FaultSettings { LatencyMs = 300 });
        using (var child = ws.Start("apply", "-f", ws.Manifests, "--auto-approve", "--parallelism", "1"))
        {
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && ws.Simulator.RequestLog.Snapshot().Count(e => e.Method is "POST" && !e.PathAndQuery.Contains("/Auth/", StringComparison.OrdinalIgnoreCase)) < 3)
            {
                clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the apply reaches its third write");
                await Task.Delay(20);
            }

            child.HasExited.Should().BeFalse("the apply is killed in the middle of its writes");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var partial = await ws.StateAsync();
        partial.Values.Sum(v => v.Count).Should().BeInRange(1, 6, "the kill left the vault half applied");
        ws.Simulator.SetFaults(new FaultSettings());

        var rerun = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        rerun.ExitCode.Should().Be(0, rerun.Out + rerun.Error);
        (await ws.StateAsync()).Should().BeEquivalentTo(Workspace.ExamplesState, "no duplicate and nothing lost");
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        plan.ExitCode.Should().Be(0, plan.Out + plan.Error);
    }
}
