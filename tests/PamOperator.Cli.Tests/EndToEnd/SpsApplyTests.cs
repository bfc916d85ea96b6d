using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// One Identity SPS end to end over real HTTP: examples/sps/ applied in exactly one server-side transaction, a failure
/// at every write leaving the committed configuration byte for byte as it was, another administrator's lock reported
/// and untouched, and canary passwords never written anywhere.
/// </summary>
public sealed class SpsApplyTests
{
    [Fact]
    public async Task ApplyExamples_CommitsExactlyOneTransaction_ThenPlanFindsNothing_AndNoCanaryLeaks()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        ws.Simulator.ClearRequestLog();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        var log = ws.Simulator.RequestLog;
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");

        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("Apply complete! Resources: 3 added, 1 changed, 0 destroyed.");
        log.Where(e => e.PathAndQuery == "/api/transaction" && e.Method != "GET").Select(e => $"{e.Method} {e.Status}")
            .Should().Equal(["POST 200", "PUT 200"], "one transaction, opened once and committed once");
        log.Where(e => e.Method is "POST" or "PUT" or "DELETE" && e.PathAndQuery != "/api/transaction")
            .Should().OnlyContain(e => e.StartedAt > log.First(l => l.Method == "POST" && l.PathAndQuery == "/api/transaction").StartedAt);
        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("No changes.");
        ws.Simulator.Transaction["open"]!.GetValue<bool>().Should().BeFalse();
        var everything = new[] { apply.All, plan.All }.Concat(ws.WrittenFiles()).ToList();
        foreach (var canary in ws.Canaries.Append(ws.Simulator.Password))
        {
            everything.Should().NotContain(text => text.Contains(canary, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Import_AfterApply_WritesManifestsThatPlanAsNoChanges()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        var providerConfig = Path.Combine(ws.Manifests, "providerconfig.yaml");

        var import = await ws.RunAsync("import", "-f", providerConfig, "--output-dir", "imported");
        var plan = await ws.RunAsync("plan", "-f", Path.Combine(ws.Directory, "imported"), "-f", providerConfig, "--detailed-exitcode");

        import.ExitCode.Should().Be(0, import.All);
        var text = string.Concat(Directory.GetFiles(Path.Combine(ws.Directory, "imported"), "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText));
        text.Should().Contain("name: session-auditors").And.Contain("user: alice").And.NotContain("name: admin\n");
        ws.Canaries.Should().OnlyContain(c => !text.Contains(c, StringComparison.Ordinal));
        plan.ExitCode.Should().Be(0, plan.All);
    }

    [Fact]
    public async Task FailureAtEveryWriteIndex_LeavesTheCommittedConfigurationByteForByteUnchanged()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        var before = await ws.CommittedStateAsync();
        var index = 1;
        for (; index <= 20; index++)
        {
            ws.Simulator.SetFaults(new Simulators.Common.FaultSettings { FailNthWrite = index });
            var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
            if (apply.ExitCode == 0)
            {
                break;
            }

            apply.ExitCode.Should().Be(1, apply.All);
            apply.All.Should().Contain("PAM530").And.Contain("nothing changed", $"write {index} failed");
            apply.Out.Should().NotContain("Creation complete").And.NotContain("Modifications complete");
            ws.Simulator.Transaction["open"]!.GetValue<bool>().Should().BeFalse($"write {index} failed and the transaction was rolled back");
            ws.Simulator.SetFaults(new Simulators.Common.FaultSettings());
            (await ws.CommittedStateAsync()).Should().Be(before, $"a failure at write {index} changes nothing");
        }

        index.Should().Be(9, "open, two password objects, two users, one group created, one group replaced, commit: 8 writes");
        (await ws.CommittedStateAsync()).Should().NotBe(before);
    }

    [Fact]
    public async Task AnotherSessionsOpenTransaction_BlocksTheApplyWithPAM531_AndIsNotTouched()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        using var admin = await ws.LogOnAsync();
        (await admin.SendAsync(HttpMethod.Post, "api/transaction", "{}")).Should().Be(200);
        var before = await ws.CommittedStateAsync();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(1);
        apply.All.Should().Contain("PAM531").And.Contain("locked by another session's open transaction").And.Contain("did not touch it");
        (await admin.GetTextAsync("api/transaction")).Should().Contain("\"status\":\"open\"", "the other administrator's transaction is still theirs");
        (await ws.CommittedStateAsync()).Should().Be(before);
        ws.Simulator.RequestLog.Should().NotContain(e => e.Method == "DELETE" && e.PathAndQuery == "/api/transaction");
    }

    [Fact]
    public async Task KillingPamctlMidApply_LeavesNoOpenTransactionAfterTheNextRun()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        (await ws.RunAsync("plan", "-f", ws.Manifests)).ExitCode.Should().Be(0);
        ws.Simulator.SetFaults(new Simulators.Common.FaultSettings { LatencyMs = 400 });

        await using (var child = ws.StartPamctl("apply", "-f", ws.Manifests, "--auto-approve"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!ws.Simulator.Transaction["open"]!.GetValue<bool>() && !child.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            ws.Simulator.Transaction["open"]!.GetValue<bool>().Should().BeTrue($"the child opened its transaction: {child.Out}{child.Error}");
            child.Kill();
            await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        ws.Simulator.SetFaults(new Simulators.Common.FaultSettings());
        ws.Simulator.Transaction["open"]!.GetValue<bool>().Should().BeTrue("a killed process closes nothing");
        ws.Simulator.ClearRequestLog();

        var rerun = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        rerun.ExitCode.Should().Be(0, rerun.All);
        ws.Simulator.Transaction["open"]!.GetValue<bool>().Should().BeFalse();
        ws.Simulator.RequestLog.Where(e => e.PathAndQuery == "/api/transaction" && e.Method != "GET").Select(e => $"{e.Method} {e.Status}")
            .Should().Equal(["DELETE 200", "POST 200", "PUT 200"], "the stale transaction of the killed run is rolled back, then one new one commits");
        (await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode")).ExitCode.Should().Be(0);
        Directory.GetFiles(Path.Combine(ws.Directory, ".pamctl", "sps-transactions")).Should().BeEmpty();
    }
}
