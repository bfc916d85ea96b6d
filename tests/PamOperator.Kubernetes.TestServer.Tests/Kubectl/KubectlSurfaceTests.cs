using System.Text;
using FluentAssertions;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PamOperator.Kubernetes.TestServer.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.TestServer.Tests.Kubectl;

/// <summary>
/// What users run against a cluster, run by the real kubectl (and where it applies the official client) against
/// the test server: each test is a place where the server once diverged from kube-apiserver.
/// </summary>
public sealed class KubectlSurfaceTests : IAsyncLifetime
{
    private ServerGround _ground = null!;

    public async Task InitializeAsync() => _ground = await ServerGround.StartAsync();

    public async Task DisposeAsync() => await _ground.DisposeAsync();

    [KubectlFact]
    public async Task GetPam_ListsEveryKindInTheCategory()
    {
        await ApplyAsync("safe.yaml", ServerGround.Safe("db"));
        await ApplyAsync("access.yaml", """
            apiVersion: fudo.pamoperator.io/v1alpha1
            kind: UserSafeAssignment
            metadata:
              name: alice-db
            spec:
              user: alice
              safe: db
            """);

        var get = await _ground.Kubectl.RunAsync("get pam");

        get.ExitCode.Should().Be(0, get.ToString());
        get.Stdout.Should().Contain("safe.fudo.pamoperator.io/db").And.Contain("usersafeassignment.fudo.pamoperator.io/alice-db");
    }

    [KubectlFact]
    public async Task GetWatch_KeepsThePrinterColumns_ForChangesMadeWhileWatching()
    {
        await ApplyAsync("safe.yaml", ServerGround.Safe("db"));
        using var process = _ground.Kubectl.Start(["get", "safes.fudo.pamoperator.io", "-w", "--request-timeout=20s"]);
        try
        {
            var header = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            var initial = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            await _ground.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                new V1Patch("""{"status":{"externalId":"42","conditions":[{"type":"Ready","status":"True"},{"type":"Synced","status":"True"}]}}""",
                    V1Patch.PatchType.MergePatch),
                ServerGround.Group, ServerGround.Version, "default", "safes", "db");
            var changed = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));

            Words(header).Should().Equal("NAME", "READY", "SYNCED", "EXTERNAL-ID", "AGE");
            Words(initial).First().Should().Be("db");
            Words(changed).Take(4).Should().Equal("db", "True", "True", "42");
            changed.Should().MatchRegex(@"\d+s\s*$", "AGE is a short duration, not a timestamp");
        }
        finally
        {
            global::PamOperator.TestSupport.Kubectl.Kill(process);
        }
    }

    [KubectlFact]
    public async Task CreateNamespace_ThenCreateSecretGeneric_StoresTheValueBase64Encoded()
    {
        var ns = await _ground.Kubectl.RunAsync("create ns team-a");
        var secret = await _ground.Kubectl.RunAsync("create secret generic fudo-api -n team-a --from-literal=api-key=s3cret");

        ns.ExitCode.Should().Be(0, ns.ToString());
        ns.Stdout.Should().Contain("namespace/team-a created");
        secret.ExitCode.Should().Be(0, secret.ToString());
        secret.Stdout.Should().Contain("secret/fudo-api created");
        var stored = _ground.Stored("secrets", "fudo-api", "team-a", group: string.Empty)!;
        stored["data"]!["api-key"]!.GetValue<string>().Should().Be(Convert.ToBase64String("s3cret"u8.ToArray()));
        var read = await _ground.Client.CoreV1.ReadNamespacedSecretAsync("fudo-api", "team-a");
        Encoding.UTF8.GetString(read.Data["api-key"]).Should().Be("s3cret");
    }

    [KubectlFact]
    public async Task StringData_IsFoldedIntoData_ForKubectlAndTheOfficialClient()
    {
        var applied = await _ground.Kubectl.RunAsync($"apply -f {_ground.Write("secret.yaml", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: from-kubectl
            data:
              kept: a2VwdA==
            stringData:
              api-key: plain-value
            """)}");
        await _ground.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "from-client" }, StringData = new Dictionary<string, string> { ["token"] = "t0k" } }, "default");

        applied.ExitCode.Should().Be(0, applied.ToString());
        var fromKubectl = _ground.Stored("secrets", "from-kubectl", group: string.Empty)!;
        fromKubectl["stringData"].Should().BeNull("a real server never stores stringData");
        fromKubectl["data"]!["api-key"]!.GetValue<string>().Should().Be(Convert.ToBase64String("plain-value"u8.ToArray()));
        fromKubectl["data"]!["kept"]!.GetValue<string>().Should().Be("a2VwdA==");
        var fromClient = await _ground.Client.CoreV1.ReadNamespacedSecretAsync("from-client", "default");
        fromClient.StringData.Should().BeNull();
        Encoding.UTF8.GetString(fromClient.Data["token"]).Should().Be("t0k");
    }

    [KubectlFact]
    public async Task EventsV1_CreatedByTheOfficialClient_AreListedByKubectl()
    {
        await _ground.Client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "db.1", NamespaceProperty = "default" },
            EventTime = DateTime.UtcNow,
            ReportingController = "pamoperator.io/operator",
            ReportingInstance = "op-1",
            Action = "Reconcile",
            Reason = "Created",
            Type = "Normal",
            Note = "created in the PAM",
            Regarding = new V1ObjectReference { ApiVersion = "fudo.pamoperator.io/v1alpha1", Kind = "Safe", Name = "db", NamespaceProperty = "default" },
        }, "default");

        var get = await _ground.Kubectl.RunAsync("get events.v1.events.k8s.io -o name");
        var listed = await _ground.Client.EventsV1.ListNamespacedEventAsync("default");

        get.ExitCode.Should().Be(0, get.ToString());
        get.Stdout.Should().Contain("event.events.k8s.io/db.1");
        listed.Items.Should().ContainSingle().Which.Note.Should().Be("created in the PAM");
    }

    [KubectlFact]
    public async Task StrategicMergePatch_OnACustomResource_IsUnsupportedMediaType()
    {
        await ApplyAsync("safe.yaml", ServerGround.Safe("db"));

        var patch = await _ground.Kubectl.RunAsync(["patch", "safes.fudo.pamoperator.io", "db", "--type=strategic", "-p", """{"spec":{"timeLimit":60}}"""]);
        var client = () => _ground.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"timeLimit":60}}""", V1Patch.PatchType.StrategicMergePatch),
            ServerGround.Group, ServerGround.Version, "default", "safes", "db");

        patch.ExitCode.Should().NotBe(0);
        patch.Stderr.Should().Contain("accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        (await client.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.UnsupportedMediaType);
        _ground.Stored("safes", "db")!["spec"]!["timeLimit"]!.GetValue<long>().Should().NotBe(60, "the refused patch changed nothing");
    }

    [KubectlFact]
    public async Task WaitForConditionReady_ReturnsOnceTheStatusSaysReady()
    {
        await ApplyAsync("safe.yaml", ServerGround.Safe("db"));

        var wait = _ground.Kubectl.RunAsync("wait --for=condition=Ready safes.fudo.pamoperator.io/db --timeout=20s", TimeSpan.FromSeconds(25));
        await Task.Delay(500);
        var early = wait.IsCompleted;
        await _ground.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"conditions":[{"type":"Ready","status":"True","reason":"Available"}]}}""", V1Patch.PatchType.MergePatch),
            ServerGround.Group, ServerGround.Version, "default", "safes", "db");
        var result = await wait;

        early.Should().BeFalse("the condition is not there yet");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("safe.fudo.pamoperator.io/db condition met");
    }

    private async Task ApplyAsync(string file, string yaml)
    {
        var result = await _ground.Kubectl.RunAsync($"apply -f {_ground.Write(file, yaml)}");
        result.ExitCode.Should().Be(0, result.ToString());
    }

    private static string[] Words(string? line) => (line ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
