using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Kubernetes.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Client;

public sealed class KubernetesApiClientTests : IAsyncLifetime
{
    private static readonly ResourceRef Widgets = TestResources.Widgets;
    private KubeTestServer _server = null!;
    private KubernetesApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeTestServer.StartAsync();
        _client = await TestResources.ClientWithWidgetsAsync(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Create_ThenGet_ReturnsServerSetMetadata_AndSecondCreateIsAlreadyExists()
    {
        var created = await _client.CreateAsync(Widgets, "default", TestResources.Widget("w1", 1));
        var fetched = await _client.GetAsync(Widgets, "default", "w1");
        var again = () => _client.CreateAsync(Widgets, "default", TestResources.Widget("w1", 1));

        created.Generation().Should().Be(1);
        fetched.ResourceVersion().Should().Be(created.ResourceVersion());
        fetched["metadata"]!["uid"].Should().NotBeNull();
        (await again.Should().ThrowAsync<KubernetesStatusException>()).Which.IsAlreadyExists.Should().BeTrue();
    }

    [Fact]
    public async Task Replace_WithStaleResourceVersion_IsConflict_AndWithoutOneIsInvalid()
    {
        var created = await _client.CreateAsync(Widgets, "default", TestResources.Widget("w1", 1));
        created["spec"]!["size"] = 2;
        await _client.ReplaceAsync(Widgets, created);
        created["spec"]!["size"] = 3;
        var stale = () => _client.ReplaceAsync(Widgets, created);
        var unconditional = () => _client.ReplaceAsync(Widgets, TestResources.Widget("w1", 4));

        var conflict = (await stale.Should().ThrowAsync<KubernetesStatusException>()).Which;
        conflict.IsConflict.Should().BeTrue();
        conflict.Message.Should().Contain("the object has been modified");
        (await unconditional.Should().ThrowAsync<KubernetesStatusException>()).Which.Code.Should().Be(422);
    }

    [Fact]
    public async Task Generation_BumpsOnSpecChangesOnly_NotOnMetadataOrStatus()
    {
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("w1", 1));
        var labelled = await _client.PatchAsync(Widgets, "default", "w1", PatchType.Merge, JsonNode.Parse("""{"metadata":{"labels":{"a":"b"}}}""")!);
        var withStatus = await _client.PatchStatusAsync(Widgets, "default", "w1", PatchType.Merge, JsonNode.Parse("""{"status":{"ready":true}}""")!);
        var resized = await _client.PatchAsync(Widgets, "default", "w1", PatchType.JsonPatch,
            JsonNode.Parse("""[{"op":"test","path":"/spec/size","value":1},{"op":"replace","path":"/spec/size","value":2}]""")!);

        labelled.Generation().Should().Be(1, "metadata changes do not bump generation");
        withStatus.Generation().Should().Be(1, "status changes do not bump generation with a status subresource");
        resized.Generation().Should().Be(2);
        resized["spec"]!["size"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task StatusSubresource_IsolatesStatusFromMainResource_AndMetadataFromStatus()
    {
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("w1", 1));
        await _client.PatchAsync(Widgets, "default", "w1", PatchType.Merge, JsonNode.Parse("""{"status":{"ready":true}}""")!);
        var obj = await _client.GetAsync(Widgets, "default", "w1");
        obj["status"] = new JsonObject { ["ready"] = false };
        obj["metadata"]!["finalizers"] = new JsonArray("example.com/f");
        var afterStatusPut = await _client.ReplaceStatusAsync(Widgets, obj);

        afterStatusPut["status"]!["ready"]!.GetValue<bool>().Should().BeFalse();
        afterStatusPut.Finalizers().Should().BeEmpty("/status ignores metadata, finalizers included");
        obj.ContainsKey("status").Should().BeTrue();
        (await _client.GetAsync(Widgets, "default", "w1"))["status"]!["ready"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Delete_WithFinalizer_IsTwoPhase_AndNoNewFinalizersCanBeAdded()
    {
        var widget = TestResources.Widget("w1", 1);
        widget["metadata"]!["finalizers"] = new JsonArray("example.com/f");
        await _client.CreateAsync(Widgets, "default", widget);

        var marked = await _client.DeleteAsync(Widgets, "default", "w1");
        var addFinalizer = () => _client.PatchAsync(Widgets, "default", "w1", PatchType.Merge,
            JsonNode.Parse("""{"metadata":{"finalizers":["example.com/f","example.com/g"]}}""")!);
        var rejected = (await addFinalizer.Should().ThrowAsync<KubernetesStatusException>()).Which;
        await _client.PatchAsync(Widgets, "default", "w1", PatchType.Merge, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);
        var gone = () => _client.GetAsync(Widgets, "default", "w1");

        marked!.DeletionTimestamp().Should().NotBeNull();
        marked!.Generation().Should().Be(2, "setting deletionTimestamp bumps generation once");
        rejected.Code.Should().Be(422);
        rejected.Message.Should().Contain("no new finalizers can be added");
        (await gone.Should().ThrowAsync<KubernetesStatusException>()).Which.IsNotFound.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_WithStalePrecondition_IsConflict()
    {
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("w1", 1));
        var delete = () => _client.DeleteAsync(Widgets, "default", "w1", new DeleteOptions(PreconditionResourceVersion: "1"));

        (await delete.Should().ThrowAsync<KubernetesStatusException>()).Which.IsConflict.Should().BeTrue();
    }

    [Fact]
    public async Task List_FollowsContinueTokens_AndFiltersByLabel()
    {
        for (var i = 0; i < 7; i++)
        {
            var widget = TestResources.Widget($"w{i}", i);
            widget["metadata"]!["labels"] = new JsonObject { ["parity"] = i % 2 == 0 ? "even" : "odd" };
            await _client.CreateAsync(Widgets, "default", widget);
        }

        var all = await _client.ListAsync(Widgets, "default", new ListOptions(PageSize: 3));
        var odd = await _client.ListAsync(Widgets, null, new ListOptions(LabelSelector: "parity in (odd)", PageSize: 2));

        all.Items.Select(i => i.Name()).Should().BeEquivalentTo(Enumerable.Range(0, 7).Select(i => $"w{i}"));
        all.ResourceVersion.Should().NotBeEmpty();
        _server.Requests.Count(r => r.Path == "/apis/example.com/v1/namespaces/default/widgets" && r.Method == "GET").Should().Be(3, "7 items in pages of 3");
        odd.Items.Select(i => i.Name()).Should().BeEquivalentTo("w1", "w3", "w5");
    }

    [Fact]
    public async Task Errors_AreTypedAndNeverContainTheToken()
    {
        const string canary = "canary-token-4f1c9a";
        using var client = TestResources.Client(_server, canary);
        var missing = () => client.GetAsync(Widgets, "default", "nope");

        var error = (await missing.Should().ThrowAsync<KubernetesStatusException>()).Which;

        error.IsNotFound.Should().BeTrue();
        error.Kind.Should().Be(PamOperator.Core.Providers.ApiErrorKind.NotFound);
        error.ToString().Should().NotContain(canary);
        client.DefaultNamespace.Should().Be("default");
        _server.Requests.Should().Contain(r => r.Path.EndsWith("/nope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_FromTheOfficialClient_NeverCarryTheRequestBody()
    {
        const string canary = "canary-secret-value-91d2";
        var secret = KubernetesObjects.New(ResourceRef.Secrets, "Secret", "no-such-namespace", "s");
        secret["stringData"] = new JsonObject { ["password"] = canary };
        var create = () => _client.CreateAsync(ResourceRef.Secrets, "no-such-namespace", secret);

        var error = (await create.Should().ThrowAsync<KubernetesStatusException>()).Which;

        error.IsNotFound.Should().BeTrue();
        error.Message.Should().Contain("POST /api/v1/namespaces/no-such-namespace/secrets");
        error.InnerException.Should().BeNull("the client's HttpOperationException holds the request body and is not chained");
        error.ToString().Should().NotContain(canary);
        _server.Requests.Should().Contain(r => r.Body.Contains(canary, StringComparison.Ordinal), "the body did reach the server");
    }

    [Fact]
    public async Task Qps_ClientSideLimit_SpacesRequestsBeyondTheBurst()
    {
        var observer = new CountingObserver();
        using var limited = KubernetesApiClient.ForServer(_server.BaseAddress, options: new KubernetesApiOptions { Qps = 5, Burst = 2, Observer = observer });

        for (var i = 0; i < 6; i++)
        {
            await limited.ListAsync(Widgets, "default");
        }

        observer.Requests.Should().Be(6);
        observer.Codes.Should().OnlyContain(c => c == "200");
        observer.Throttled.Should().BeGreaterThanOrEqualTo(3, "two requests fit the burst; the others wait for tokens at 5 per second");
    }

    private sealed class CountingObserver : IRestClientObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _codes = [];
        private int _throttled;

        public int Requests => _codes.Count;

        public IEnumerable<string> Codes => _codes;

        public int Throttled => _throttled;

        public void Request(string method, string host, string code, TimeSpan latency) => _codes.Add(code);

        public void RateLimited(string method, string host, TimeSpan wait) => Interlocked.Increment(ref _throttled);
    }
}
