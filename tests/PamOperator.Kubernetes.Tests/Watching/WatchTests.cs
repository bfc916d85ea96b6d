using FluentAssertions;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Kubernetes.Tests.Support;
using PamOperator.Kubernetes.Watching;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Watching;

public sealed class WatchTests : IAsyncLifetime
{
    private static readonly ResourceRef Widgets = TestResources.Widgets;
    private static readonly WatchOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(200), AllowBookmarks = false };
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

    [Theory]
    [InlineData(false, "a clean end, like a server timeout")]
    [InlineData(true, "a reset connection, like a network drop")]
    public async Task Watch_StreamDropped_ResumesWithoutMissingOrDuplicating(bool reset, string reason)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var events = _client.WatchAsync(Widgets, "default", Fast, cts.Token).GetAsyncEnumerator(cts.Token);
        (await Next(events)).Type.Should().Be(WatchEventType.Relisted);
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("a", 1));
        (await Next(events)).Object!.Name().Should().Be("a");

        var pending = events.MoveNextAsync().AsTask();
        await WaitUntil(() => _server.OpenWatches == 1);
        _server.DropWatches(reset).Should().Be(1);
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("b", 1));
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("c", 1));
        (await pending.WaitAsync(cts.Token)).Should().BeTrue();
        var after = new List<WatchEvent> { events.Current, await Next(events) };

        after.Where(e => e.Type != WatchEventType.Bookmark).Select(e => e.Object!.Name()).Should().Equal(["b", "c"], reason);
        _server.Requests.Count(r => r.Query.Contains("watch=true", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData(GoneMode.HttpStatus, "HTTP 410")]
    [InlineData(GoneMode.ErrorEvent, "200 with an ERROR event carrying code 410")]
    public async Task Watch_HistoryCompacted_RelistsAndContinues(GoneMode mode, string reason)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var slow = Fast with { InitialBackoff = TimeSpan.FromMilliseconds(400) };
        await using var events = _client.WatchAsync(Widgets, "default", slow, cts.Token).GetAsyncEnumerator(cts.Token);
        (await Next(events)).Type.Should().Be(WatchEventType.Relisted);
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("a", 1));
        (await Next(events)).Object!.Name().Should().Be("a");

        var pending = events.MoveNextAsync().AsTask();
        await WaitUntil(() => _server.OpenWatches == 1);
        // The re-watch after the drop is refused once, so the client backs off while the history moves on and is compacted.
        _server.InjectResponses("GET", "/apis/example.com/v1/namespaces/default/widgets", 1, 500);
        _server.DropWatches();
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("b", 1));
        _server.CompactHistory(mode);
        (await pending.WaitAsync(cts.Token)).Should().BeTrue();
        var relisted = events.Current;
        await _client.CreateAsync(Widgets, "default", TestResources.Widget("c", 1));
        var next = await NextNonBookmark(events);

        relisted.Type.Should().Be(WatchEventType.Relisted, reason);
        relisted.Snapshot!.Select(o => o.Name()).Should().BeEquivalentTo("a", "b");
        next.Object!.Name().Should().Be("c");
    }

    [Theory]
    [InlineData(500, null, "a server error")]
    [InlineData(429, 0, "throttling with Retry-After")]
    public async Task Watch_InjectedErrors_BacksOffAndSucceeds(int status, int? retryAfter, string reason)
    {
        _server.InjectResponses("GET", "/apis/example.com/v1/namespaces/default/widgets", 3, status, retryAfter);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var events = _client.WatchAsync(Widgets, "default", Fast, cts.Token).GetAsyncEnumerator(cts.Token);

        var first = await Next(events);

        first.Type.Should().Be(WatchEventType.Relisted, reason);
        _server.Requests.Count(r => r.Path == "/apis/example.com/v1/namespaces/default/widgets").Should().Be(4, "three refused, the fourth served");
    }

    private static async Task<WatchEvent> Next(IAsyncEnumerator<WatchEvent> events)
    {
        (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        return events.Current;
    }

    private static async Task<WatchEvent> NextNonBookmark(IAsyncEnumerator<WatchEvent> events)
    {
        for (var i = 0; i < 10; i++)
        {
            var e = await Next(events);
            if (e.Type != WatchEventType.Bookmark)
            {
                return e;
            }
        }

        throw new InvalidOperationException("only bookmarks arrived");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        condition().Should().BeTrue();
    }
}
