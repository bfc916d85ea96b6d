using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// A plan file is not trusted: <c>apply PLANFILE -f manifests</c> recomputes the plan from the manifests and the PAM
/// and refuses, writing nothing, unless it equals the saved plan change for change and field for field (S1 item 4).
/// </summary>
public class SavedPlanTamperingTests
{
    private static async Task<SimulatorWorkspace> PlannedAsync()
    {
        var ws = await SimulatorWorkspace.StartAsync(requestsPerSecond: 1000);
        ws.CopyExamples();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.json");
        plan.ExitCode.Should().Be(0, plan.All);
        return ws;
    }

    private static JsonObject ReadPlan(SimulatorWorkspace ws) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Directory, "plan.json")))!.AsObject();

    private static void WritePlan(SimulatorWorkspace ws, JsonObject plan) =>
        File.WriteAllText(Path.Combine(ws.Directory, "plan.json"), plan.ToJsonString());

    private static JsonObject Change(JsonObject plan, string name) =>
        plan["pams"]![0]!["changes"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["address"]!["name"] == name);

    private static async Task<CliHarness.Result> ApplyEditedAsync(SimulatorWorkspace ws, Action<JsonObject> edit, string code)
    {
        var plan = ReadPlan(ws);
        edit(plan);
        WritePlan(ws, plan);
        var before = await ws.DumpAsync();

        var apply = await ws.RunAsync("apply", "plan.json", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain(code).And.NotContain("internal error");
        apply.Out.Should().NotContain("Apply complete");
        (await ws.DumpAsync()).Should().Be(before, "an edited plan writes nothing");
        return apply;
    }

    [Fact]
    public async Task ApplySavedPlan_WithAnAddedDeleteOfAnUnmanagedObject_IsRefused()
    {
        await using var ws = await PlannedAsync();

        var apply = await ApplyEditedAsync(ws, plan =>
        {
            var delete = new JsonObject
            {
                ["address"] = new JsonObject { ["vendor"] = "fudo", ["kind"] = "Server", ["name"] = "db-prod-02", ["type"] = "fudo_server" },
                ["type"] = new JsonObject { ["group"] = "fudo.pamoperator.io", ["wireType"] = "server" },
                ["key"] = "db-prod-02",
                ["action"] = "delete",
                ["before"] = new JsonObject(),
            };
            plan["pams"]![0]!["changes"]!.AsArray().Add(delete);
        }, "PAM407");

        apply.Error.Should().Contain("fudo_server.db-prod-02: delete in the saved plan");
    }

    [Fact]
    public async Task ApplySavedPlan_WithAnAccountPointedAtAnotherLogin_IsRefused()
    {
        await using var ws = await PlannedAsync();

        // The account keeps its real secret reference (so the digest still binds), but its change now creates a login
        // that the reviewed plan never showed.
        var apply = await ApplyEditedAsync(ws, plan => Change(plan, "quickstart-db-admin")["after"]!["login"] = "root", "PAM407");

        apply.Error.Should().Contain("fudo_account.quickstart-db-admin: after differs");
    }

    [Fact]
    public async Task ApplySavedPlan_WithASecretDigestMovedToAnotherAccount_IsRefused()
    {
        await using var ws = await PlannedAsync();

        await ApplyEditedAsync(ws, plan =>
        {
            var accounts = plan["pams"]![0]!["changes"]!.AsArray().Select(c => c!.AsObject())
                .Where(c => c["secrets"] is JsonArray { Count: > 0 }).Take(2).ToList();
            accounts.Should().HaveCount(2);
            accounts[0]["secrets"] = accounts[1]["secrets"]!.DeepClone();
        }, "PAM313");
    }

    [Fact]
    public async Task ApplySavedPlan_WithAnAddedFieldChange_IsRefused()
    {
        await using var ws = await PlannedAsync();

        var apply = await ApplyEditedAsync(ws, plan =>
        {
            var safe = Change(plan, "quickstart-db");
            safe["after"]!["requiredVotes"] = 0;
            safe["after"]!["loginReason"] = false;
        }, "PAM407");

        apply.Error.Should().Contain("fudo_safe.quickstart-db: after differs");
    }

    [Theory]
    [InlineData("empty", "incomplete")]
    [InlineData("null", "incomplete")]
    [InlineData("no objects", "incomplete")]
    [InlineData("other value", "PAM407")]
    public async Task ApplySavedPlan_WithAnEmptiedOrEditedFingerprint_IsRefused(string edit, string expected)
    {
        await using var ws = await PlannedAsync();

        var apply = await ApplyEditedAsync(ws, plan =>
        {
            switch (edit)
            {
                case "empty":
                    plan["pams"]![0]!["fingerprint"] = new JsonObject { ["value"] = "", ["observedTypes"] = new JsonArray(), ["objects"] = new JsonArray() };
                    break;
                case "null":
                    plan["pams"]![0]!["fingerprint"] = null;
                    break;
                case "no objects":
                    plan["pams"]![0]!["fingerprint"]!["objects"] = null;
                    break;
                default:
                    plan["pams"]![0]!["fingerprint"]!["value"] = new string('0', 64);
                    break;
            }
        }, expected == "incomplete" ? "PAM312" : expected);

        if (expected == "incomplete")
        {
            apply.Error.Should().Contain("fingerprint of PAM test is missing or incomplete");
        }
    }

    [Fact]
    public async Task ApplySavedPlan_WithObservedTypesRemoved_IsRefused()
    {
        await using var ws = await PlannedAsync();

        // Observing nothing would make the stale check compare nothing.
        await ApplyEditedAsync(ws, plan =>
        {
            plan["pams"]![0]!["fingerprint"]!["observedTypes"] = new JsonArray();
            plan["pams"]![0]!["fingerprint"]!["objects"] = new JsonArray();
        }, "PAM407");
    }

    [Fact]
    public async Task ApplySavedPlan_MadeWithPruneAndAppliedWithout_IsRefusedNamingTheOptions()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(requestsPerSecond: 1000);
        ws.Write("manifests/extra.yaml", """
            apiVersion: fudo.pamoperator.io/v1alpha1
            kind: Safe
            metadata:
              name: extra-safe
            spec:
              loginReason: true
            """);
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        File.Delete(Path.Combine(ws.Manifests, "extra.yaml"));
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plan.json", "--prune", "--prune-name-prefix", "extra-");
        plan.Out.Should().Contain("1 to destroy", plan.All);
        var before = await ws.DumpAsync();

        var apply = await ws.RunAsync("apply", "plan.json", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain("PAM407").And.Contain("--prune");
        (await ws.DumpAsync()).Should().Be(before);
        var same = await ws.RunAsync("apply", "plan.json", "-f", ws.Manifests, "--prune", "--prune-name-prefix", "extra-");
        same.ExitCode.Should().Be(0, same.All);
    }
}
