using System.Diagnostics;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// Crash safety with real processes: the simulator runs as <c>pamctl simulator --db FILE --latency-ms 20</c>, an apply
/// runs as a child <c>pamctl apply</c> and is killed (whole process tree) at a chosen point of its writes; running
/// apply again must converge with no duplicate and no lost object.
/// </summary>
public sealed class ApplyProcessKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("pamctl-kill-").FullName;
    private ProcessSimulator? _simulator;

    private SimulatorAdmin Admin => _simulator!.Admin;

    public async Task InitializeAsync() => _simulator = await ProcessSimulator.StartAsync(_directory, Bound);

    public async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    /// <summary>The state a clean apply of the changed set leads to, normalized (ids and times aside).</summary>
    private async Task<string> ExpectedStateAsync(ProcessWorkspace ws)
    {
        await ResetToBaseAsync(ws);
        ws.SetManifests(ManifestSets.Changed);
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        return await Admin.NormalizedStateAsync();
    }

    private async Task ResetToBaseAsync(ProcessWorkspace ws)
    {
        await Admin.ResetAsync();
        await Admin.SetFaultsAsync("""{"latencyMs":20}"""); // reset clears the faults the simulator started with
        ws.SetManifests(ManifestSets.Base);
        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        apply.ExitCode.Should().Be(0, apply.All);
        ws.SetManifests(ManifestSets.Changed);
        await Admin.ClearRequestsAsync();
    }

    private ProcessWorkspace Workspace(string mode)
    {
        // Parallelism 2: writes overlap (a kill finds some in flight), yet come slowly enough to kill near a chosen one.
        var ws = new ProcessWorkspace(Admin.BaseAddress, Admin.ApiKey, mode, ManifestSets.Prefix, parallelism: 2);
        foreach (var (name, value) in ManifestSets.Secrets)
        {
            ws.Environment[name] = value;
        }

        return ws;
    }

    /// <summary>Polls the simulator's request log until <paramref name="done"/> holds or the child ends (bounded).</summary>
    private async Task WaitUntilAsync(PamctlProcess child, Func<IReadOnlyList<(string Method, string Path, int Status)>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && !done(await Admin.RequestsAsync()))
        {
            clock.Elapsed.Should().BeLessThan(Bound, "the child apply should reach that point: " + child.Out + child.Error);
            await Task.Delay(5);
        }
    }

    /// <summary>Writes the PAM completed (a request cut off by the kill is logged with status 0).</summary>
    private static int Done(IEnumerable<(string Method, string Path, int Status)> log) => log.Count(r => r.Method != "GET" && r.Status == 200);

    private async Task RerunConvergesAsync(ProcessWorkspace ws, string expected, string because)
    {
        var rerun = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        rerun.ExitCode.Should().Be(0, $"{because}: {rerun.All}");
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        plan.ExitCode.Should().Be(0, $"{because}: {plan.All}");
        (await Admin.NormalizedStateAsync()).Should().Be(expected, $"{because}: no duplicate, no lost object");
        ws.JournalLines().Should().NotContain(line => ManifestSets.Secrets.Values.Any(v => line.Contains(v, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Journal_KilledAfterTheNthWrite_RerunConvergesWithoutDuplicates()
    {
        using var ws = Workspace("Journal");
        var expected = await ExpectedStateAsync(ws);
        expected.Should().Contain("sw-new3").And.NotContain("sw-gone1");

        foreach (var writes in new[] { 1, 4, 9, 14, 20, 26 })
        {
            await ResetToBaseAsync(ws);
            await using var child = ws.StartPamctl("apply", "-f", ws.Manifests, "--auto-approve");
            await WaitUntilAsync(child, log => Done(log) >= writes);
            child.Kill();
            await child.WaitForExitAsync(Bound);
            var seen = Done(await Admin.RequestsAsync());
            output.WriteLine($"killed after {seen} completed write(s) (target {writes})");

            await RerunConvergesAsync(ws, expected, $"rerun after a kill at write {seen}");
        }
    }

    [Fact]
    public async Task Atomic_KilledDuringTheBatch_PamHoldsAllOrNothingAndRerunConverges()
    {
        using var ws = Workspace("Atomic");
        var expected = await ExpectedStateAsync(ws);
        await ResetToBaseAsync(ws);
        var baseState = await Admin.NormalizedStateAsync();
        (await ws.RunAsync("plan", "-f", ws.Manifests)).ExitCode.Should().Be(0);
        var reads = (await Admin.RequestsAsync()).Count(r => r.Method == "GET"); // the list calls of one observe
        await Admin.SetFaultsAsync("""{"latencyMs":300}""");
        await Admin.ClearRequestsAsync();

        await using var child = ws.StartPamctl("apply", "-f", ws.Manifests, "--auto-approve");
        await WaitUntilAsync(child, log => log.Count(r => r.Method == "GET" && r.Status == 200) >= reads);
        // Placement only: the batch (held 300 ms by the PAM) is on its way; a request already received may still run after
        // the kill (its answer then goes nowhere). The assertions hold for any timing.
        await Task.Delay(100);
        child.Kill();
        await child.WaitForExitAsync(Bound);
        // A batch the PAM received is logged when it ends (run, or cut off); read the state only after that, so the
        // snapshot never straddles it. No entry within the bound: the kill came before the batch was sent.
        var clock = Stopwatch.StartNew();
        var batch = new List<int>();
        while (batch.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
            batch = [.. (await Admin.RequestsAsync()).Where(r => r.Path == "/api/v2/batch").Select(r => r.Status)];
        }

        await Admin.SetFaultsAsync("""{"latencyMs":20}""");
        output.WriteLine($"batch requests seen by the PAM, by status: [{string.Join(", ", batch)}] (0: cut off by the kill)");

        var afterKill = await Admin.NormalizedStateAsync();
        afterKill.Should().BeOneOf([baseState, expected], "an atomic batch takes effect entirely or not at all");
        output.WriteLine(afterKill == baseState ? "the batch did not take effect" : "the batch took effect");
        await RerunConvergesAsync(ws, expected, "rerun after a kill during the atomic batch");
    }
}
