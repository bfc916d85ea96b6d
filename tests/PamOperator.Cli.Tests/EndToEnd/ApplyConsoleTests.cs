using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>How apply talks to people: it asks on a terminal, refuses to ask without one, shows progress per step and
/// closes with a summary line that says what changed, or what was rolled back.</summary>
public class ApplyConsoleTests
{
    private const string Safes = """
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: console-a
        spec: {}
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: console-b
        spec: {requiredVotes: 1}
        """;

    private static async Task<SimulatorWorkspace> StartAsync(string mode = "Atomic")
    {
        var ws = await SimulatorWorkspace.StartAsync(mode, requestsPerSecond: 1000);
        ws.Write("manifests/safes.yaml", Safes);
        return ws;
    }

    private static int Writes(SimulatorWorkspace ws) => ws.Simulator.RequestLog.Count(r => r.Method != "GET");

    [Fact]
    public async Task Apply_NoTerminalAndNoAutoApprove_RefusesWithPAM403AndWritesNothing()
    {
        await using var ws = await StartAsync();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(1);
        apply.Error.Should().Contain("PAM403").And.Contain("--auto-approve");
        apply.Out.Should().Contain("Plan: 2 to add", "the plan is shown before the refusal");
        Writes(ws).Should().Be(0);
    }

    [Fact]
    public async Task Apply_TerminalAnswersYes_Applies()
    {
        await using var ws = await StartAsync();

        var apply = await CliHarness.RunInAsync(ws.Directory, ws.Environment, "yes\n", interactive: true, "apply", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("Do you want to perform these actions?").And.Contain("Only 'yes' will be accepted");
        apply.Out.Should().EndWith("\nApply complete! Resources: 2 added, 0 changed, 0 destroyed.\n");
        Writes(ws).Should().Be(1, "one atomic batch");
    }

    [Theory]
    [InlineData("no\n", "a refusal")]
    [InlineData("y\n", "only the whole word 'yes' approves")]
    [InlineData("", "end of input is no answer")]
    public async Task Apply_TerminalAnswersAnythingButYes_WritesNothing(string answer, string reason)
    {
        await using var ws = await StartAsync();

        var apply = await CliHarness.RunInAsync(ws.Directory, ws.Environment, answer, interactive: true, "apply", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(1, reason);
        apply.Out.Should().Contain("Apply cancelled.");
        Writes(ws).Should().Be(0, reason);
    }

    [Fact]
    public async Task Apply_Progress_OneLinePerStepWithElapsedTimeThenTheSummary()
    {
        await using var ws = await StartAsync("Journal");

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(0, apply.All);
        var lines = apply.Out.Split('\n');
        lines.Should().ContainSingle(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^fudo_safe\.console-a: Creation complete after \d+\.\ds \[id=\d+\]$"));
        lines.Should().ContainSingle(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^fudo_safe\.console-b: Creation complete after \d+\.\ds \[id=\d+\]$"));
        apply.Out.Should().MatchRegex(@"\nApply complete! Resources: 2 added, 0 changed, 0 destroyed\.\n$");
    }

    [Fact]
    public async Task Apply_AtomicFailure_SaysNothingWasChanged()
    {
        await using var ws = await StartAsync("Atomic");
        ws.Simulator.SetFaults(new FaultSettings { FailNthWrite = 2 });

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(1);
        apply.Error.Should().Contain("PAM405").And.Contain("apply failed: create Safe/console-b: ").And.Contain("[fudo_safe.console-b]")
            .And.Contain("The transaction was not committed");
        apply.Out.Should().EndWith("\nApply failed! Nothing was changed: the transaction was rolled back.\n");
    }

    [Fact]
    public async Task Apply_JournalFailure_SaysWhatWasChangedAndUndone()
    {
        await using var ws = await StartAsync("Journal");
        ws.Write("manifests/safes.yaml", Safes + "\n---\napiVersion: fudo.pamoperator.io/v1alpha1\nkind: UserSafeAssignment\nmetadata:\n  name: alice-b\nspec: {user: alice, safe: console-b}\n");
        ws.Simulator.SetFaults(new FaultSettings { FailNthWrite = 3 }); // the pair, after both safes

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve", "--parallelism", "1");

        apply.ExitCode.Should().Be(1);
        apply.Error.Should().Contain("safes.yaml:13:1: error PAM405: apply failed: create UserSafeAssignment/alice-b: ")
            .And.Contain("[fudo_user_safe_assignment.alice-b]")
            .And.Contain("The 2 completed change(s) were undone in reverse order").And.Contain("Journal: ");
        apply.Out.Should().Contain("fudo_safe.console-b: undo done").And.Contain("fudo_safe.console-a: undo done");
        apply.Out.Should().EndWith("\nApply failed! Resources: 2 added, 0 changed, 0 destroyed, then undone: all 2 restored.\n");
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);
        plan.Out.Should().Contain("Plan: 3 to add, 0 to change, 0 to destroy.", "the PAM is back where it was");
    }
}
