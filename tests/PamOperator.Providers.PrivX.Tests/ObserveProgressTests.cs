using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.PrivX.Tests.Support;
using Xunit;

namespace PamOperator.Providers.PrivX.Tests;

/// <summary>Observe progress from the PrivX reader over HTTP: each page of roles and connections is counted as it is
/// read, in page order, and the counts add up to what the observe returns, per kind.</summary>
public sealed class ObserveProgressTests : IAsyncLifetime
{
    private const int Connections = 2345;
    private static readonly ObjectType Role = new(PrivXKinds.Group, PrivXKinds.Role);
    private static readonly ObjectType Connection = new(PrivXKinds.Group, PrivXKinds.Connection);
    private PrivXRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await PrivXRig.StartAsync();
        await _rig.SendAsync(HttpMethod.Post, "_sim/connections", new JsonObject { ["bulk"] = new JsonObject { ["count"] = Connections } });
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task ObserveAll_ReportsTheRolesThenEveryConnectionPageInOrder_AddingUpToTheObservedCounts()
    {
        await using var connection = await ConnectAsync();
        var progress = new Recorder();

        var live = await connection.Reader.ObserveAsync([Role, Connection], progress, CancellationToken.None);

        var events = progress.Events.ToList();
        var roles = live.OfType(Role).Count;
        var connections = live.OfType(Connection).Count;
        roles.Should().BeGreaterThan(0);
        connections.Should().BeGreaterThanOrEqualTo(Connections);
        events.Where(e => e.Type == Role).Sum(e => e.Count).Should().Be(roles);
        var pages = events.Where(e => e.Type == Connection).Select(e => e.Count).ToList();
        pages.Should().HaveCount((connections + 999) / 1000, "one event per page of 1000");
        pages.Take(pages.Count - 1).Should().OnlyContain(c => c == 1000, "full pages first, in page order");
        pages.Sum().Should().Be(connections, "the pages add up to what the observe returns");
        events.FindLastIndex(e => e.Type == Role).Should().BeLessThan(events.FindIndex(e => e.Type == Connection),
            "the roles are read first (they name the ownership records)");
    }

    [Fact]
    public async Task ObserveConnectionsOnly_DoesNotCountTheRolesReadToNameOwners()
    {
        await using var connection = await ConnectAsync();
        var progress = new Recorder();

        var live = await connection.Reader.ObserveAsync([Connection], progress, CancellationToken.None);

        progress.Events.Should().OnlyContain(e => e.Type == Connection);
        progress.Events.Sum(e => e.Count).Should().Be(live.OfType(Connection).Count);
    }

    private Task<IVendorConnection> ConnectAsync() => new PrivXModule().ConnectAsync(new VendorConnectRequest
    {
        Name = "test", Endpoint = _rig.Simulator.BaseAddress, Credentials = _rig.Simulator.Credentials, RequestsPerSecond = 10_000, Burst = 10_000,
    }, CancellationToken.None);

    private sealed class Recorder : IObserveProgress
    {
        public ConcurrentQueue<(ObjectType Type, int Count)> Events { get; } = new();

        public void Read(ObjectType type, int count) => Events.Enqueue((type, count));
    }
}
