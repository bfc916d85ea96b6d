using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Kubernetes.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Kubectl;

/// <summary>The test server driven by the real kubectl: if kubectl accepts it, tests against it mean something.</summary>
public sealed class KubectlTests : IAsyncLifetime
{
    private KubeTestServer _server = null!;
    private global::PamOperator.TestSupport.Kubectl _kubectl = null!;
    private KubernetesApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeTestServer.StartAsync();
        _kubectl = new global::PamOperator.TestSupport.Kubectl(_server.BaseAddress);
        _client = TestResources.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _kubectl.Dispose();
        await _server.DisposeAsync();
    }

    [KubectlFact]
    public async Task ApplyCrdsDirectory_ThenGetCrds_ListsEveryRepositoryCrd()
    {
        var apply = await ApplyCrdsAsync();
        var get = await _kubectl.RunAsync("get crds");

        get.ExitCode.Should().Be(0, get.ToString());
        var expected = Directory.GetFiles(RepositoryPaths.Crds, "*_*.yaml").Select(f => Path.GetFileNameWithoutExtension(f).Split('_', 2))
            .Select(p => $"{p[1]}.{p[0]}").ToList();
        expected.Should().NotBeEmpty();
        foreach (var name in expected)
        {
            apply.Stdout.Should().Contain($"customresourcedefinition.apiextensions.k8s.io/{name} created");
            get.Stdout.Should().Contain(name);
        }
    }

    [KubectlFact]
    public async Task ApplyDirectoryOfCustomResources_CreatesThem_AndReapplyPatchesOnlyChanges()
    {
        await ApplyCrdsAsync();
        var dir = WriteCustomResources(loginReason: true);

        var first = await _kubectl.RunAsync($"apply -f {dir}");
        WriteCustomResources(loginReason: false);
        var second = await _kubectl.RunAsync($"apply -f {dir}");

        first.ExitCode.Should().Be(0, first.ToString());
        first.Stdout.Should().Contain("safe.fudo.pamoperator.io/quickstart-db created").And.Contain("usersafeassignment.fudo.pamoperator.io/alice-quickstart-db created");
        second.ExitCode.Should().Be(0, second.ToString());
        second.Stdout.Should().Contain("safe.fudo.pamoperator.io/quickstart-db configured").And.Contain("usersafeassignment.fudo.pamoperator.io/alice-quickstart-db unchanged");
        var safe = await _client.GetAsync(TestResources.Safes, "default", "quickstart-db");
        safe["spec"]!["loginReason"]!.GetValue<bool>().Should().BeFalse();
        safe.Generation().Should().Be(2, "only the spec change bumps generation");
        _server.Requests.Should().Contain(r => r.Method == "PATCH" && r.ContentType!.StartsWith("application/merge-patch+json", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task GetSafes_AfterStatusWrittenThroughClient_ShowsPrinterColumns()
    {
        await ApplyCrdsAsync();
        (await _kubectl.RunAsync($"apply -f {WriteCustomResources(loginReason: true)}")).ExitCode.Should().Be(0);
        var safe = await _client.GetAsync(TestResources.Safes, "default", "quickstart-db");
        safe["status"] = JsonNode.Parse("""{"externalId":"42","conditions":[{"type":"Ready","status":"True"},{"type":"Synced","status":"False"}]}""");
        await _client.ReplaceStatusAsync(TestResources.Safes, safe);

        var get = await _kubectl.RunAsync("get safes.fudo.pamoperator.io");

        get.ExitCode.Should().Be(0, get.ToString());
        var lines = get.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("NAME", "READY", "SYNCED", "EXTERNAL-ID", "AGE");
        lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).Should().Equal("quickstart-db", "True", "False", "42");
        lines[1].Should().MatchRegex(@"\d+s\s*$", "AGE is a short duration");
    }

    [KubectlFact]
    public async Task Delete_ObjectWithFinalizer_ReturnsOnlyAfterFinalizerRemoved()
    {
        await ApplyCrdsAsync();
        (await _kubectl.RunAsync($"apply -f {WriteCustomResources(loginReason: true)}")).ExitCode.Should().Be(0);
        await _client.PatchAsync(TestResources.Safes, "default", "quickstart-db", PatchType.Merge,
            JsonNode.Parse("""{"metadata":{"finalizers":["pamoperator.io/finalizer"]}}""")!);

        var delete = _kubectl.RunAsync("delete safes.fudo.pamoperator.io quickstart-db --wait=true --timeout=20s", TimeSpan.FromSeconds(25));
        var marked = await WaitForAsync(async () => (await _client.GetAsync(TestResources.Safes, "default", "quickstart-db")).DeletionTimestamp() is not null);
        await Task.Delay(300);
        delete.IsCompleted.Should().BeFalse("kubectl waits while the finalizer is present");
        await _client.PatchAsync(TestResources.Safes, "default", "quickstart-db", PatchType.Merge, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);
        var result = await delete;

        marked.Should().BeTrue();
        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("deleted");
        _server.GetObject("fudo.pamoperator.io", "safes", "default", "quickstart-db").Should().BeNull();
    }

    [KubectlFact]
    public async Task Patch_MergeAndJson_ChangeSpecAndBumpGeneration()
    {
        await ApplyCrdsAsync();
        (await _kubectl.RunAsync($"apply -f {WriteCustomResources(loginReason: true)}")).ExitCode.Should().Be(0);

        var merge = await _kubectl.RunAsync(["patch", "safes.fudo.pamoperator.io", "quickstart-db", "--type=merge", "-p", """{"spec":{"timeLimit":60}}"""]);
        var json = await _kubectl.RunAsync(["patch", "safes.fudo.pamoperator.io", "quickstart-db", "--type=json", "-p", """[{"op":"replace","path":"/spec/loginReason","value":false}]"""]);

        merge.ExitCode.Should().Be(0, merge.ToString());
        json.ExitCode.Should().Be(0, json.ToString());
        var safe = await _client.GetAsync(TestResources.Safes, "default", "quickstart-db");
        safe["spec"]!["timeLimit"]!.GetValue<int>().Should().Be(60);
        safe["spec"]!["loginReason"]!.GetValue<bool>().Should().BeFalse();
        safe.Generation().Should().Be(3);
    }

    [KubectlFact]
    public async Task GetWatch_PrintsTheChangeMadeWhileWatching()
    {
        await ApplyCrdsAsync();
        (await _kubectl.RunAsync($"apply -f {WriteCustomResources(loginReason: true)}")).ExitCode.Should().Be(0);
        using var process = _kubectl.Start(["get", "safes.fudo.pamoperator.io", "-w", "--output-watch-events", "--request-timeout=15s"]);
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await _client.PatchAsync(TestResources.Safes, "default", "quickstart-db", PatchType.Merge, JsonNode.Parse("""{"spec":{"timeLimit":5}}""")!);
            string? modified = null;
            for (var i = 0; i < 5 && modified is null; i++)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                modified = line?.Contains("MODIFIED", StringComparison.Ordinal) == true ? line : null;
            }

            first.Should().NotBeNull();
            modified.Should().Contain("quickstart-db");
        }
        finally
        {
            global::PamOperator.TestSupport.Kubectl.Kill(process);
        }
    }

    /// <summary>
    /// `kubectl apply -f crds/`, as the README says; the Kustomization file in crds/ has no extension, so -f skips it.
    /// </summary>
    private async Task<KubectlResult> ApplyCrdsAsync()
    {
        var result = await _kubectl.RunAsync($"apply -f {RepositoryPaths.Crds}");
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }

    private string WriteCustomResources(bool loginReason)
    {
        var dir = Path.Combine(_kubectl.WorkDirectory, "resources");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "safe.yaml"), $"""
            apiVersion: fudo.pamoperator.io/v1alpha1
            kind: Safe
            metadata:
              name: quickstart-db
            spec:
              loginReason: {(loginReason ? "true" : "false")}
              ssh:
                x11: false
            """);
        File.WriteAllText(Path.Combine(dir, "access.yaml"), """
            apiVersion: fudo.pamoperator.io/v1alpha1
            kind: UserSafeAssignment
            metadata:
              name: alice-quickstart-db
            spec:
              user: alice
              safe: quickstart-db
            """);
        return dir;
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
