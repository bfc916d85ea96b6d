using FluentAssertions;
using PamOperator.Kubernetes.Leases;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Kubernetes.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Leases;

public sealed class LeaseLockTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private KubeTestServer _server = null!;
    private KubernetesApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeTestServer.StartAsync();
        _client = TestResources.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TwoCandidates_ExactlyOneLeads_AndTheOtherTakesOverOnlyAfterTheLeaseExpires()
    {
        var a = Candidate("a");
        var b = Candidate("b");

        var first = await Task.WhenAll(a.TryAcquireOrRenewAsync(), b.TryAcquireOrRenewAsync());
        var leader = a.IsLeader ? a : b;
        var follower = a.IsLeader ? b : a;
        _clock.Advance(TimeSpan.FromSeconds(9));
        var renewed = await leader.TryAcquireOrRenewAsync();
        _clock.Advance(TimeSpan.FromSeconds(9));
        var earlyTakeover = await follower.TryAcquireOrRenewAsync();
        _clock.Advance(TimeSpan.FromSeconds(7));
        var lateTakeover = await follower.TryAcquireOrRenewAsync();

        first.Count(won => won).Should().Be(1, "one create wins, the other gets AlreadyExists or sees a live holder");
        renewed.Should().BeTrue();
        earlyTakeover.Should().BeFalse("the leader renewed 9 s ago and the lease lasts 15 s");
        lateTakeover.Should().BeTrue("16 s after the last renewal the lease has expired");
        var lease = _server.GetObject("coordination.k8s.io", "leases", "default", "operator")!;
        lease["spec"]!["holderIdentity"]!.ToString().Should().Be(follower == a ? "a" : "b");
        lease["spec"]!["leaseTransitions"]!.GetValue<int>().Should().Be(1);
        lease["spec"]!["renewTime"]!.ToString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", "MicroTime");
    }

    [Fact]
    public async Task StaleLeader_RenewAfterTakeover_LosesWithoutError()
    {
        var a = Candidate("a");
        var b = Candidate("b");
        (await a.TryAcquireOrRenewAsync()).Should().BeTrue();
        _clock.Advance(TimeSpan.FromSeconds(20));
        (await b.TryAcquireOrRenewAsync()).Should().BeTrue();

        var stale = await a.TryAcquireOrRenewAsync();

        stale.Should().BeFalse();
        a.IsLeader.Should().BeFalse();
        _server.Requests.Where(r => r.Method == "PUT").Should().OnlyContain(r => r.Body.Contains("\"resourceVersion\"", StringComparison.Ordinal),
            "every lease update is conditional on the resourceVersion read");
    }

    [Fact]
    public async Task Dispose_ReleasesTheLease_SoAnotherCandidateLeadsAtOnce()
    {
        var b = Candidate("b");
        await using (var a = Candidate("a"))
        {
            (await a.TryAcquireOrRenewAsync()).Should().BeTrue();
        }

        _clock.Advance(TimeSpan.FromSeconds(2));
        var took = await b.TryAcquireOrRenewAsync();

        took.Should().BeTrue("a released the lease (holder cleared, duration 1 s) on dispose");
    }

    private LeaseLock Candidate(string identity) =>
        new(_client, new LeaseLockOptions("default", "operator", identity) { LeaseDuration = TimeSpan.FromSeconds(15) }, _clock);
}
