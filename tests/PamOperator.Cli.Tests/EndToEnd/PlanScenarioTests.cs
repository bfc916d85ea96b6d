using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>What `pamctl plan` says after the PAM already holds the declared objects (issue F3's scenarios).</summary>
public class PlanScenarioTests
{
    private const string Safes = """
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: pt-alpha
        spec:
          requiredVotes: 0
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: pt-beta
        spec:
          ssh:
            x11: false
        """;

    private const string Account = """
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: pt-root
        spec:
          type: regular
          server: db-prod-01
          method: password
          login: root
          secret:
            valueFrom:
              env: PT_CANARY_VARIABLE
        """;

    [Fact]
    public async Task Plan_OneFieldEdited_ShowsExactlyThatField()
    {
        await using var ws = await AppliedAsync();
        ws.Write("manifests/safes.yaml", Safes.Replace("requiredVotes: 0", "requiredVotes: 3", StringComparison.Ordinal));

        var text = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        var json = await ws.RunAsync("plan", "-f", ws.Manifests, "--output", "json");

        text.ExitCode.Should().Be(2, text.All);
        text.Out.Should().Contain("Plan: 0 to add, 1 to change, 0 to destroy.").And.MatchRegex(@"~ requiredVotes\s+= 0 -> 3");
        var changes = JsonNode.Parse(json.Out)!["resource_changes"]!.AsArray()
            .Where(c => c!["change"]!["actions"]![0]!.ToString() != "no-op").ToList();
        changes.Should().ContainSingle().Which!["address"]!.ToString().Should().Be("fudo_safe.pt-alpha");
        var before = changes[0]!["change"]!["before"]!.AsObject();
        var after = changes[0]!["change"]!["after"]!.AsObject();
        after.Where(kv => !JsonNode.DeepEquals(kv.Value, before[kv.Key])).Select(kv => kv.Key)
            .Should().Equal(["requiredVotes"], "only the edited field differs");
    }

    [Fact]
    public async Task Plan_PruneAfterAManifestIsRemoved_ShowsExactlyThatDelete()
    {
        await using var ws = await AppliedAsync(pruneNamePrefix: "pt-");
        ws.Write("manifests/safes.yaml", Safes[..Safes.IndexOf("---", StringComparison.Ordinal)]);

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");

        plan.ExitCode.Should().Be(2, plan.All);
        plan.Out.Should().Contain("Plan: 0 to add, 0 to change, 1 to destroy.").And.Contain("fudo_safe.pt-beta will be destroyed");
    }

    [Fact]
    public async Task Plan_MoreDeletesThanMaxDeletes_IsRefused()
    {
        await using var ws = await AppliedAsync(pruneNamePrefix: "pt-");
        File.Delete(Path.Combine(ws.Manifests, "safes.yaml"));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--max-deletes", "1");

        plan.ExitCode.Should().Be(1, plan.All);
        plan.Error.Should().Contain("PAM306");
    }

    [Fact]
    public async Task Plan_EveryOutputAndSavedPlan_CarryNoSecretValueNorItsVariableName()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safes.yaml", Safes);
        ws.Write("manifests/account.yaml", Account);
        ws.Environment["PT_CANARY_VARIABLE"] = "canary-secret-value-91a7";

        var outputs = new List<string>();
        foreach (var format in new[] { "text", "json", "markdown" })
        {
            var run = await ws.RunAsync("plan", "-f", ws.Manifests, "--output", format, "--out", $"plan-{format}.bin");
            run.ExitCode.Should().Be(0, run.All);
            outputs.Add(run.All);
            outputs.Add(await File.ReadAllTextAsync(Path.Combine(ws.Directory, $"plan-{format}.bin")));
        }

        outputs[0].Should().Contain("(sensitive value)", "the plan says a secret will be written");
        outputs.Should().AllSatisfy(o => o.Should().NotContain("canary-secret-value-91a7"));
        outputs.Where((_, i) => i % 2 == 1).Should().AllSatisfy(o => o.Should().NotContain("PT_CANARY_VARIABLE", "a saved plan holds no secret reference"));
    }

    private static async Task<SimulatorWorkspace> AppliedAsync(string? pruneNamePrefix = null)
    {
        var ws = await SimulatorWorkspace.StartAsync(pruneNamePrefix: pruneNamePrefix);
        ws.Write("manifests/safes.yaml", Safes);
        ws.Write("manifests/account.yaml", Account);
        ws.Environment["PT_CANARY_VARIABLE"] = "canary-secret-value-91a7";
        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        apply.ExitCode.Should().Be(0, apply.All);
        var settled = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        settled.ExitCode.Should().Be(0, "after apply nothing is left to do: " + settled.All);
        return ws;
    }
}
