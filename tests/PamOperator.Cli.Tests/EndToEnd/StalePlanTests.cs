using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary><c>apply PLANFILE</c> executes a saved plan only while the PAM still holds what the plan was made from;
/// neither the plan file nor any output ever holds a secret value or the name of the variable it comes from.</summary>
public class StalePlanTests
{
    private static async Task<SimulatorWorkspace> AppliedExamplesAsync()
    {
        var ws = await SimulatorWorkspace.StartAsync(requestsPerSecond: 1000);
        ws.CopyExamples();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        // A change to plan: quickstart-db no longer asks for a login reason.
        var safe = Path.Combine(ws.Manifests, "quickstart-safe.yaml");
        File.WriteAllText(safe, File.ReadAllText(safe).Replace("loginReason: true", "loginReason: false", StringComparison.Ordinal));
        return ws;
    }

    private static async Task PatchSafeAsync(SimulatorWorkspace ws, string name, string body)
    {
        using var http = new HttpClient { BaseAddress = ws.Simulator.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ws.Simulator.ApiKey);
        var list = await http.GetFromJsonAsync<JsonObject>($"api/v2/safe?filter=name.eq({name})&fields=id");
        var id = list!["safe"]![0]!["id"]!.ToString();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        (await http.PatchAsync($"api/v2/safe/{id}", content)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ApplySavedPlan_WithoutItsProviderConfig_IsRefusedAsMadeForAnotherPam()
    {
        await using var ws = await AppliedExamplesAsync();
        (await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.json")).ExitCode.Should().Be(0);
        var before = await ws.DumpAsync();

        // No -f: no ProviderConfig, so no PAM to apply to (never the embedded simulator by accident) ...
        var apply = await ws.RunAsync("apply", "plan.json");
        // ... and with the embedded simulator chosen, it is not the PAM the plan was made for.
        var embedded = await ws.RunAsync("apply", "plan.json", "--embedded");

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain("PAM015").And.NotContain("EMBEDDED");
        embedded.ExitCode.Should().Be(1, embedded.All);
        embedded.Error.Should().Contain("PAM404").And.Contain($"fudo {ws.Simulator.BaseAddress}").And.Contain("embedded fudo simulator");
        (await ws.DumpAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ApplySavedPlan_LiveObjectChangedSinceThePlan_RefusesNamingTheObjectAndWritesNothing()
    {
        await using var ws = await AppliedExamplesAsync();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.json");
        plan.ExitCode.Should().Be(0, plan.All);
        await PatchSafeAsync(ws, "team-vnc-lab", """{"required_votes":3}""");
        var before = await ws.DumpAsync();

        var apply = await ws.RunAsync("apply", "plan.json", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain("PAM402").And.Contain("is stale").And.Contain("team-vnc-lab");
        (await ws.DumpAsync()).Should().Be(before, "a stale plan writes nothing");
        AssertNoSecrets(ws, plan, apply);
    }

    [Fact]
    public async Task ApplySavedPlan_LiveStateUnchanged_ExecutesExactlyThePlan()
    {
        await using var ws = await AppliedExamplesAsync();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.json");
        plan.Out.Should().Contain("Plan: 0 to add, 1 to change, 0 to destroy.");

        var apply = await ws.RunAsync("apply", "plan.json", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("fudo_safe.quickstart-db: Modifications complete after")
            .And.Contain("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
        var after = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        after.ExitCode.Should().Be(0, after.All);
        AssertNoSecrets(ws, plan, apply, after);
    }

    [Fact]
    public async Task ApplySavedPlan_WithSecretsToWrite_BindsThemFromTheManifestsAndNeverSavesThem()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(requestsPerSecond: 1000);
        ws.CopyExamples();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.json");

        var withoutManifests = await ws.RunAsync("apply", "plan.json");
        var apply = await ws.RunAsync("apply", "plan.json", "-f", ws.Manifests);

        withoutManifests.ExitCode.Should().Be(1, "a saved plan holds no secret reference: the manifests must come with it");
        withoutManifests.Error.Should().Contain("PAM401");
        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("Apply complete! Resources: 25 added, 0 changed, 0 destroyed.");
        AssertNoSecrets(ws, plan, withoutManifests, apply);
    }

    private static void AssertNoSecrets(SimulatorWorkspace ws, params CliHarness.Result[] results)
    {
        var secretNames = ws.Environment.Keys.Where(k => k != SimulatorWorkspace.ApiKeyVariable).ToList();
        secretNames.Should().NotBeEmpty();
        var texts = results.Select(r => r.All).Append(File.ReadAllText(Path.Combine(ws.Directory, "plan.json"))).ToList();
        foreach (var name in secretNames)
        {
            texts.Should().NotContain(t => t.Contains(ws.Environment[name], StringComparison.Ordinal), $"the value of {name} is a secret");
            texts.Should().NotContain(t => t.Contains(name, StringComparison.Ordinal), $"not even the variable name {name} is printed or saved");
        }

        texts.Should().NotContain(t => t.Contains(ws.Simulator.ApiKey, StringComparison.Ordinal));
    }
}
