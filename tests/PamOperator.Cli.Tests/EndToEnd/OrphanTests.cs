using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary><c>deletionPolicy: Orphan</c> in the CLI: an object whose manifest leaves the files leaves management,
/// the plan says so, and prune never destroys it, in this run or later ones.</summary>
public class OrphanTests
{
    private static string Safe(string name, string policy) =>
        $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: {name}\nspec:\n  deletionPolicy: {policy}\n";

    [Fact]
    public async Task Prune_AfterAnOrphanManifestIsRemoved_ReportsItAndNeverDestroysIt()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(pruneNamePrefix: "or-");
        ws.Write("manifests/kept.yaml", Safe("or-kept", "Orphan"));
        ws.Write("manifests/gone.yaml", Safe("or-gone", "Delete"));
        ws.Write("manifests/stays.yaml", Safe("or-stays", "Delete"));
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        File.Delete(Path.Combine(ws.Manifests, "kept.yaml"));
        File.Delete(Path.Combine(ws.Manifests, "gone.yaml"));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);
        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        var again = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");

        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("fudo_safe.or-kept").And.Contain("orphaned: deletionPolicy Orphan keeps the PAM object")
            .And.Contain("fudo_safe.or-gone will be destroyed").And.Contain("Plan: 0 to add, 0 to change, 1 to destroy.");
        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("Resources: 0 added, 0 changed, 1 destroyed").And.NotContain("or-kept: Destruction");
        again.ExitCode.Should().Be(0, "the orphan left management and is not pruned later either: " + again.All);
        (await ws.DumpAsync()).Should().Contain("or-kept").And.NotContain("or-gone");
    }
}
