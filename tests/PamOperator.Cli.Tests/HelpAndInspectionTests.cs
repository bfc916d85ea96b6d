using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary>Help reads like the tools users know (verbs in workflow order, examples in every verb, <c>pamctl help
/// VERB</c>), a saved plan can be read back (<c>show</c>), and apply has a machine-readable result.</summary>
public class HelpAndInspectionTests
{
    public static TheoryData<string> Verbs => new() { "validate", "plan", "apply", "show", "list", "import", "simulator", "crds", "operator", "version" };

    [Fact]
    public async Task Help_ListsTheVerbsInWorkflowOrder()
    {
        var help = await CliHarness.RunAsync("--help");

        var positions = new[] { "validate", "plan", "apply", "import" }.Select(v => help.Out.IndexOf("  " + v + " ", StringComparison.Ordinal)).ToList();
        positions.Should().OnlyContain(p => p >= 0, help.Out).And.BeInAscendingOrder("validate, plan, apply, import is the order they are used in");
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task EveryVerb_HelpHasExamples_AndHelpVerbShowsTheSameText(string verb)
    {
        var dashed = await CliHarness.RunAsync(verb, "--help");
        var worded = await CliHarness.RunAsync("help", verb);

        dashed.ExitCode.Should().Be(0, dashed.All);
        dashed.Out.Should().Contain("Examples:").And.Contain("pamctl " + verb);
        worded.ExitCode.Should().Be(0, worded.All);
        worded.Out.Should().Be(dashed.Out);
    }

    [Fact]
    public async Task Show_ASavedPlan_AsTextAndJson_WithoutThePam()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: hi-safe\n");
        (await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.bin")).ExitCode.Should().Be(0);

        var text = await ws.RunAsync("show", "plan.bin");
        var json = await ws.RunAsync("show", "plan.bin", "-o", "json");
        var missing = await ws.RunAsync("show", "no-such.plan");

        text.ExitCode.Should().Be(0, text.All);
        text.Out.Should().Contain("fudo_safe.hi-safe will be created").And.Contain("Plan: 1 to add, 0 to change, 0 to destroy.");
        json.ExitCode.Should().Be(0, json.All);
        JsonNode.Parse(json.Out)!["resource_changes"]!.AsArray().Select(c => (string)c!["address"]!).Should().Equal("fudo_safe.hi-safe");
        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("PAM312").And.NotContain("internal error");
    }

    [Fact]
    public async Task ApplyOutputJson_IsOneDocumentOnStdout_WithCountsStepsAndIds()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: hi-applied\n");

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve", "-o", "json");
        var refused = await ws.RunAsync("apply", "-f", ws.Manifests, "-o", "json", "--parallelism", "0");

        apply.ExitCode.Should().Be(0, apply.All);
        var result = JsonNode.Parse(apply.Out)!;
        ((bool)result["succeeded"]!).Should().BeTrue();
        ((int)result["added"]!).Should().Be(1);
        var step = result["pams"]![0]!["steps"]![0]!;
        ((string)step["address"]!).Should().Be("fudo_safe.hi-applied");
        ((string)step["status"]!).Should().Be("succeeded");
        ((string?)step["id"]).Should().NotBeNullOrEmpty();
        apply.Error.Should().Contain("Creation complete", "progress goes to stderr with --output json");
        refused.ExitCode.Should().Be(1);
        var failure = JsonNode.Parse(refused.Out)!;
        ((bool)failure["succeeded"]!).Should().BeFalse();
        failure["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).Should().Contain("PAM019");
    }
}
