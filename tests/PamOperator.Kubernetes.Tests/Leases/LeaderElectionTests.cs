using FluentAssertions;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using PamOperator.Kubernetes.TestServer;
using PamOperator.Kubernetes.Tests.Support;
using Xunit;

namespace PamOperator.Kubernetes.Tests.Leases;

/// <summary>The official client's leader election against the test server's Lease semantics (409 on a stale
/// resourceVersion, AlreadyExists on a racing create).</summary>
public sealed class LeaderElectionTests : IAsyncLifetime
{
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
    public async Task TwoCandidates_ExactlyOneLeads_AndTheOtherTakesOverAfterTheLeaderStops()
    {
        var leading = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var overlap = 0;
        using var stopA = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stopB = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var a = Candidate("a", leading, () => overlap++);
        var b = Candidate("b", leading, () => overlap++);
        var runA = a.RunAndTryToHoldLeadershipForeverAsync(stopA.Token);
        var runB = b.RunAndTryToHoldLeadershipForeverAsync(stopB.Token);

        await Eventually(() => leading.Values.Count(v => v) == 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var first = leading.Single(p => p.Value).Key;
        await (first == "a" ? stopA : stopB).CancelAsync();
        await Eventually(() => leading.GetValueOrDefault(first == "a" ? "b" : "a"));

        overlap.Should().Be(0, "a candidate starts leading only while no other leads");
        var lease = _server.GetObject("coordination.k8s.io", "leases", "default", "operator")!;
        lease["spec"]!["holderIdentity"]!.ToString().Should().Be(first == "a" ? "b" : "a");
        _server.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/leases/", StringComparison.Ordinal))
            .Should().OnlyContain(r => r.Body.Contains("\"resourceVersion\"", StringComparison.Ordinal), "every lease update is conditional");
        await stopA.CancelAsync();
        await stopB.CancelAsync();
        await Task.WhenAll(runA, runB).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private LeaderElector Candidate(string identity, System.Collections.Concurrent.ConcurrentDictionary<string, bool> leading, Action overlapped)
    {
        var elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(_client.Kubernetes, "default", "operator", identity))
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1.5),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });
        elector.OnStartedLeading += () =>
        {
            if (leading.Any(p => p.Key != identity && p.Value))
            {
                overlapped();
            }

            leading[identity] = true;
        };
        elector.OnStoppedLeading += () => leading[identity] = false;
        return elector;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        condition().Should().BeTrue();
    }
}
