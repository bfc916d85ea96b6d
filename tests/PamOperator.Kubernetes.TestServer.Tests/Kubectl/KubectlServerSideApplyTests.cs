using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PamOperator.Kubernetes.TestServer.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.TestServer.Tests.Kubectl;

/// <summary>
/// Server-side apply as Argo CD and Flux rely on it: managedFields returned, ownership per manager, conflicts
/// reported unless forced, fields a manager stopped applying removed.
/// </summary>
public sealed class KubectlServerSideApplyTests : IAsyncLifetime
{
    private ServerGround _ground = null!;

    public async Task InitializeAsync() => _ground = await ServerGround.StartAsync();

    public async Task DisposeAsync() => await _ground.DisposeAsync();

    [KubectlFact]
    public async Task TwoManagers_ConflictIsReported_ForceTakesTheField_AndDroppedFieldsAreRemoved()
    {
        var alice = await ApplyAsync("alice", "{loginReason: true, timeLimit: 30, backupId: nightly}");
        var bob = await ApplyAsync("bob", "{timeLimit: 60}");
        var forced = await ApplyAsync("bob", "{timeLimit: 60}", "--force-conflicts");
        var aliceAgain = await ApplyAsync("alice", "{loginReason: true}");

        alice.ExitCode.Should().Be(0, alice.ToString());
        alice.Stdout.Should().Contain("safe.fudo.pamoperator.io/db serverside-applied");
        bob.ExitCode.Should().NotBe(0);
        bob.Stderr.Should().Contain("Apply failed with 1 conflict: conflict with \"alice\": .spec.timeLimit");
        forced.ExitCode.Should().Be(0, forced.ToString());
        aliceAgain.ExitCode.Should().Be(0, aliceAgain.ToString());
        var spec = _ground.Stored("safes", "db")!["spec"]!;
        spec["timeLimit"]!.GetValue<long>().Should().Be(60, "bob took the field over and still applies it");
        spec["backupId"].Should().BeNull("alice stopped applying it and nobody else owns it");
        spec["loginReason"]!.GetValue<bool>().Should().BeTrue();
        Owners().Should().BeEquivalentTo(new Dictionary<string, string[]> { ["alice"] = ["f:spec"], ["bob"] = ["f:spec"] });
        Fields("alice")["f:spec"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("f:loginReason");
        Fields("bob")["f:spec"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("f:timeLimit");
    }

    [KubectlFact]
    public async Task GetWithManagedFields_ShowsTheApplyEntries()
    {
        (await ApplyAsync("alice", "{loginReason: true}")).ExitCode.Should().Be(0);

        var yaml = await _ground.Kubectl.RunAsync("get safes.fudo.pamoperator.io db -o yaml --show-managed-fields");

        yaml.ExitCode.Should().Be(0, yaml.ToString());
        yaml.Stdout.Should().Contain("managedFields:").And.Contain("manager: alice").And.Contain("operation: Apply").And.Contain("f:loginReason: {}");
    }

    [KubectlFact]
    public async Task OfficialClient_ApplyOverAFieldAnUpdateChanged_Is409_UntilForced()
    {
        (await ApplyAsync("alice", "{timeLimit: 30}")).ExitCode.Should().Be(0);
        var patch = await _ground.Kubectl.RunAsync(["patch", "safes.fudo.pamoperator.io", "db", "--type=merge", "-p", """{"spec":{"timeLimit":45}}"""]);
        patch.ExitCode.Should().Be(0, patch.ToString());
        var body = new V1Patch("""{"apiVersion":"fudo.pamoperator.io/v1alpha1","kind":"Safe","metadata":{"name":"db"},"spec":{"timeLimit":90}}""",
            V1Patch.PatchType.ApplyPatch);

        var plain = () => _ground.Client.CustomObjects.PatchNamespacedCustomObjectAsync(body, ServerGround.Group, ServerGround.Version, "default", "safes", "db", fieldManager: "carol");
        var failure = (await plain.Should().ThrowAsync<HttpOperationException>()).Which;
        var applied = (JsonElementOf(await _ground.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            body, ServerGround.Group, ServerGround.Version, "default", "safes", "db", fieldManager: "carol", force: true)));

        failure.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        failure.Response.Content.Should().Contain("conflict with \\\"kubectl-patch\\\" using fudo.pamoperator.io/v1alpha1 at ").And.Contain(".spec.timeLimit");
        applied["spec"]!["timeLimit"]!.GetValue<long>().Should().Be(90);
        applied["metadata"]!["managedFields"]!.AsArray().Select(e => e!["manager"]!.GetValue<string>())
            .Should().Contain("carol", "the answer carries managedFields");
    }

    [KubectlFact]
    public async Task ReapplyingTheSameConfiguration_IsANoOp()
    {
        (await ApplyAsync("alice", "{timeLimit: 30}")).ExitCode.Should().Be(0);
        var before = _ground.Stored("safes", "db")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        (await ApplyAsync("alice", "{timeLimit: 30}")).ExitCode.Should().Be(0);

        _ground.Stored("safes", "db")!["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(before);
    }

    private Task<KubectlResult> ApplyAsync(string manager, string spec, string extra = "") =>
        _ground.Kubectl.RunAsync($"apply --server-side --field-manager={manager} {extra} -f {_ground.Write($"{manager}.yaml", ServerGround.Safe("db", spec))}");

    private Dictionary<string, string[]> Owners() => Entries().ToDictionary(
        e => e["manager"]!.GetValue<string>(),
        e => e["fieldsV1"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());

    private JsonObject Fields(string manager) => Entries().Single(e => e["manager"]!.GetValue<string>() == manager)["fieldsV1"]!.AsObject();

    private List<JsonObject> Entries() => _ground.Stored("safes", "db")!["metadata"]!["managedFields"]!.AsArray().Select(e => e!.AsObject()).ToList();

    private static JsonObject JsonElementOf(object answer) => JsonNode.Parse(answer.ToString()!)!.AsObject();
}
