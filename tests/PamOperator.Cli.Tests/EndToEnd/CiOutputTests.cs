using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>What CI reads from <c>pamctl plan</c>: JSON and markdown on every run (errors included), exit codes as
/// docs/planning.md states them, a markdown plan that always fits a pull-request comment and carries warnings, and a
/// mass-delete refusal that names the objects and a field that validates.</summary>
public class CiOutputTests
{
    private static string Safe(string name, string extra = "") =>
        $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: {name}\nspec:\n  requiredVotes: 0{extra}\n";

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public async Task Plan_InvalidInput_StillWritesTheOutputWithTheDiagnostics(string format)
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe("ci-bad", "\n  requiredVotes2: 1"));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", format);

        plan.ExitCode.Should().Be(1, plan.All);
        if (format == "json")
        {
            var json = JsonNode.Parse(plan.Out)!;
            ((bool)json["errored"]!).Should().BeTrue();
            json["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).Should().Contain("PAM103");
        }
        else
        {
            plan.Out.Should().Contain("Planning failed").And.Contain("Error PAM103").And.Contain("safe.yaml:");
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public async Task Plan_ErrorFoundWhilePlanning_StillWritesTheOutputWithTheDiagnostics(string format)
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/account.yaml", """
            apiVersion: fudo.pamoperator.io/v1alpha1
            kind: Account
            metadata:
              name: ci-root
            spec:
              type: regular
              server: ci-no-such-server
              method: password
              login: root
              secret:
                valueFrom:
                  env: CI_ROOT_PASSWORD
            """);
        ws.Environment["CI_ROOT_PASSWORD"] = "canary-ci-secret";

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", format);

        plan.ExitCode.Should().Be(1, plan.All);
        plan.Out.Should().Contain("PAM301").And.Contain("ci-no-such-server");
    }

    [Fact]
    public async Task Plan_OnlyDriftOnObserveObjects_DetailedExitcodeIs0_AsDocumented()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe("ci-observed"));
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        ws.Write("manifests/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: ci-observed\nspec:\n  managementPolicies: [Observe]\n  requiredVotes: 2\n");

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        var json = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", "json");

        plan.ExitCode.Should().Be(0, "apply would change nothing, so no apply job should start: " + plan.All);
        plan.Out.Should().Contain("Drift: 1 object(s) differ");
        JsonNode.Parse(json.Out)!["resource_drift"]!.AsArray().Should().ContainSingle("drift stays visible to CI in the JSON");
    }

    [Fact]
    public async Task Plan_Markdown_400NewSafes_FitsAPullRequestComment_AndPointsToTheSavedPlan()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        var safes = new StringBuilder();
        // 400: creates fold their defaults into one line, so 150 safes now fit a comment whole.
        for (var i = 0; i < 400; i++)
        {
            safes.Append(Safe($"ci-many-{i:000}", "\n  loginReason: true")).Append("---\n");
        }

        ws.Write("manifests/safes.yaml", safes.ToString());

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", "markdown", "--out", "plan.bin", "--detailed-exitcode");

        plan.ExitCode.Should().Be(2, plan.All);
        plan.Out.Length.Should().BeLessThanOrEqualTo(65_536);
        plan.Out.Should().Contain("| 400 | 0 | 0 |").And.Contain("summarised").And.Contain("plan.bin")
            .And.Contain("ci-many-000").And.Contain("Plan: 400 to add, 0 to change, 0 to destroy.");
        File.Exists(Path.Combine(ws.Directory, "plan.bin")).Should().BeTrue();
    }

    [Fact]
    public async Task Plan_Markdown_CarriesTheInputsWarnings()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe("ci-warned"));
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/providerconfig.yaml", config + "\n  tls:\n    insecureSkipVerify: true\n");

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", "markdown");

        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("Warning PAM215");
    }

    [Fact]
    public async Task Plan_MoreDeletesThanAllowed_NamesTheObjects_AndTheProviderConfigFieldItNamesValidates()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(pruneNamePrefix: "ci-");
        ws.Write("manifests/safes.yaml", Safe("ci-one") + "---\n" + Safe("ci-two"));
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        File.Delete(Path.Combine(ws.Manifests, "safes.yaml"));
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/providerconfig.yaml", config.Replace("    enabled: true", "    enabled: true\n    maxDeletes: 1", StringComparison.Ordinal));

        var validate = await ws.RunAsync("validate", "-f", ws.Manifests);
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);
        var overridden = await ws.RunAsync("plan", "-f", ws.Manifests, "--max-deletes", "2");

        validate.ExitCode.Should().Be(0, validate.All);
        plan.ExitCode.Should().Be(1, plan.All);
        plan.Error.Should().Contain("PAM306").And.Contain("fudo_safe.ci-one (destroyed)").And.Contain("fudo_safe.ci-two (destroyed)")
            .And.Contain("spec.prune.maxDeletes");
        overridden.ExitCode.Should().Be(0, overridden.All);
    }
}
