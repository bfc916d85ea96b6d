using System.Diagnostics;
using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;
using Xunit.Abstractions;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// The k-th write sweep: a plan of 30 write requests (creates, updates, prune deletes, a replace) over an existing
/// state, and for every k the simulator fails the k-th write. The apply must fail and leave the PAM as it was:
/// byte-for-byte with an atomic batch, equal modulo ids and timestamps with step-by-step writes and compensation.
/// Then a clean run converges.
/// </summary>
public class ApplyFaultSweepTests(ITestOutputHelper output)
{
    private static async Task<SimulatorWorkspace> StartAsync(string mode)
    {
        var ws = await SimulatorWorkspace.StartAsync(mode, pruneNamePrefix: ManifestSets.Prefix, requestsPerSecond: 1000);
        foreach (var (name, value) in ManifestSets.Secrets)
        {
            ws.Environment[name] = value;
        }

        return ws;
    }

    private static async Task<CliHarness.Result> ApplyAsync(SimulatorWorkspace ws, string yaml)
    {
        ws.Write("manifests/set.yaml", yaml);
        return await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
    }

    private static async Task ConvergesAsync(SimulatorWorkspace ws, string because)
    {
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        plan.ExitCode.Should().Be(0, $"{because}: {plan.All}");
        plan.Out.Should().Contain("No changes.");
    }

    [Fact]
    public async Task Atomic_EveryWriteFailsInTurn_ThePamStaysByteForByteAsItWas()
    {
        await using var ws = await StartAsync("Atomic");
        (await ApplyAsync(ws, ManifestSets.Base)).ExitCode.Should().Be(0);
        ws.Write("manifests/set.yaml", ManifestSets.Changed);
        var before = await ws.DumpAsync();
        var clock = Stopwatch.StartNew();

        for (var k = 1; k <= ManifestSets.ChangedWrites; k++)
        {
            ws.Simulator.SetFaults(new FaultSettings { FailNthWrite = k });
            var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

            apply.ExitCode.Should().Be(1, $"write {k} of the batch failed: {apply.All}");
            apply.Error.Should().Contain("PAM405").And.Contain("The transaction was not committed");
            (await ws.DumpAsync()).Should().Be(before, $"an atomic batch whose write {k} failed changes nothing");
        }

        output.WriteLine($"atomic sweep: {ManifestSets.ChangedWrites} failing applies in {clock.ElapsedMilliseconds} ms");
        // One past the last write: nothing fails, and exactly ChangedWrites writes were counted, so the sweep covered them all.
        ws.Simulator.SetFaults(new FaultSettings { FailNthWrite = ManifestSets.ChangedWrites + 1 });
        var clean = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        clean.ExitCode.Should().Be(0, clean.All);
        ws.Simulator.Faults.FailNthWrite.Should().Be(1, $"the plan takes exactly {ManifestSets.ChangedWrites} write requests");
        await ConvergesAsync(ws, "a clean apply after the sweep");
    }

    [Fact]
    public async Task Journal_EveryWriteFailsInTurn_CompensationRestoresTheOldStateAndARerunConverges()
    {
        await using var ws = await StartAsync("Journal");
        var clock = Stopwatch.StartNew();

        for (var k = 1; k <= ManifestSets.ChangedWrites + 1; k++)
        {
            await ws.Simulator.ResetAsync();
            (await ApplyAsync(ws, ManifestSets.Base)).ExitCode.Should().Be(0);
            ws.Write("manifests/set.yaml", ManifestSets.Changed);
            var before = await StateNormalizer.NormalizedAsync(ws.Simulator.BaseAddress, ws.Simulator.ApiKey);
            ws.Simulator.SetFaults(new FaultSettings { FailNthWrite = k });

            var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

            if (k > ManifestSets.ChangedWrites)
            {
                // One past the last write: nothing fails, and the sweep covered every write.
                apply.ExitCode.Should().Be(0, apply.All);
                ws.Simulator.Faults.FailNthWrite.Should().Be(1, $"the plan takes exactly {ManifestSets.ChangedWrites} write requests");
                break;
            }

            apply.ExitCode.Should().Be(1, $"write {k} failed: {apply.All}");
            apply.Error.Should().Contain("PAM405").And.NotContain("could not be undone");
            ws.Simulator.SetFaults(new FaultSettings());
            var after = await StateNormalizer.NormalizedAsync(ws.Simulator.BaseAddress, ws.Simulator.ApiKey);
            after.Should().Be(before, $"compensation after write {k} failed restores every object (ids aside)\n{apply.All}");

            var rerun = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
            rerun.ExitCode.Should().Be(0, $"rerun after write {k} failed: {rerun.All}");
            await ConvergesAsync(ws, $"the rerun after write {k} failed");
        }

        output.WriteLine($"journal sweep: {ManifestSets.ChangedWrites} rounds in {clock.ElapsedMilliseconds} ms");
        var journal = Directory.GetFiles(Path.Combine(ws.Directory, ".pamctl", "journal")).SelectMany(File.ReadAllLines).ToList();
        journal.Should().NotBeEmpty();
        journal.Should().NotContain(line => ManifestSets.Secrets.Values.Any(v => line.Contains(v, StringComparison.Ordinal)), "the journal never holds a secret");
    }
}
