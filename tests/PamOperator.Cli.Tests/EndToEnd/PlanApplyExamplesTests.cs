using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>The examples, planned and applied against a simulator over real HTTP on 127.0.0.1.</summary>
public class PlanApplyExamplesTests
{
    [Fact]
    public async Task Examples_PlanShowsCreates_ApplyCreatesAll_ThenNothingLeftToDo()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.CopyExamples();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        plan.ExitCode.Should().Be(2, plan.All);
        plan.Out.Should().Contain("Plan: 25 to add, 0 to change, 0 to destroy.");

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("Apply complete! Resources: 25 added, 0 changed, 0 destroyed.");

        var again = await ws.RunAsync("plan", "-f", ws.Manifests);
        again.ExitCode.Should().Be(0, again.All);
        again.Out.Should().Contain("No changes.", "the observed safe matches the fixture, so no drift either");

        var detailed = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        detailed.ExitCode.Should().Be(0, detailed.All);
    }
}
