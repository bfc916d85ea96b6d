using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary><c>--target</c> and <c>-l/--selector</c> on plan and apply, as <c>terraform -target</c>: only the chosen
/// objects and the declared objects they reference are planned, the plan warns (PAM022), a saved targeted plan records
/// the targeting and applies exactly that, and unknown addresses or bad selectors are errors before any PAM is read.</summary>
public class TargetingTests
{
    private static string Safe(string name, string team) =>
        $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: {name}\n  labels:\n    team: {team}\nspec:\n  loginReason: true\n";

    private static string Grant(string name, string safe) =>
        $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: UserSafeAssignment\nmetadata:\n  name: {name}\nspec:\n  user: alice\n  safe: {safe}\n";

    private static async Task<SimulatorWorkspace> WorkspaceAsync()
    {
        var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safes.yaml", Safe("tg-db", "db") + "---\n" + Safe("tg-web", "web") + "---\n" + Safe("tg-ops", "ops"));
        ws.Write("manifests/grants.yaml", Grant("alice-tg-db", "tg-db"));
        return ws;
    }

    [Theory]
    [InlineData("UserSafeAssignment/alice-tg-db")]
    [InlineData("fudo_user_safe_assignment.alice-tg-db")]
    public async Task Plan_WithTarget_PlansTheTargetAndWhatItReferencesOnly(string address)
    {
        await using var ws = await WorkspaceAsync();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--target", address);

        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("fudo_user_safe_assignment.alice-tg-db").And.Contain("fudo_safe.tg-db")
            .And.NotContain("tg-web").And.NotContain("tg-ops").And.Contain("Plan: 2 to add");
        plan.Error.Should().Contain("PAM022").And.Contain("resource targeting is in effect");
    }

    [Fact]
    public async Task Plan_WithSelector_PlansTheMatchingObjects()
    {
        await using var ws = await WorkspaceAsync();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "-l", "team!=db,team");

        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("fudo_safe.tg-web").And.Contain("fudo_safe.tg-ops").And.NotContain("tg-db").And.Contain("Plan: 2 to add");
    }

    [Fact]
    public async Task SavedTargetedPlan_RecordsTheTargeting_AndAppliesOnlyIt()
    {
        await using var ws = await WorkspaceAsync();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--target", "Safe/tg-web", "--out", "plan.bin");
        var show = await ws.RunAsync("show", "plan.bin");
        var apply = await ws.RunAsync("apply", "plan.bin", "-f", ws.Manifests);
        var rest = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(0, plan.All);
        File.ReadAllText(Path.Combine(ws.Directory, "plan.bin")).Should().Contain("\"selection\"").And.Contain("Safe/tg-web");
        show.All.Should().Contain("resource targeting is in effect");
        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("1 added");
        rest.Out.Should().Contain("Plan: 3 to add", "only the targeted safe was applied: " + rest.All);
        (await ws.DumpAsync()).Should().Contain("tg-web").And.NotContain("tg-ops");
    }

    [Theory]
    [InlineData("--target", "Safe/nope", "PAM020")]
    [InlineData("-l", "team=db,,", "PAM021")]
    [InlineData("-l", "!team=db", "PAM021")]
    public async Task Plan_WithUnknownTargetOrBadSelector_IsAnError(string option, string value, string code)
    {
        await using var ws = await WorkspaceAsync();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, option, value);

        plan.ExitCode.Should().Be(1, plan.All);
        plan.Error.Should().Contain(code);
    }
}
