using System.Collections.Concurrent;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.Sps.Kinds;
using PamOperator.Simulators.Sps;
using Xunit;

namespace PamOperator.Providers.Sps.Tests;

/// <summary>Observe progress from the SPS reader over HTTP. SPS lists keys without bodies, so every user and group is
/// counted as its own GET answers (one at a time), and the ACLs at once from their single answer; the counts add up
/// to what the observe returns, per kind.</summary>
public sealed class ObserveProgressTests : IAsyncLifetime
{
    private SpsSimulator _sim = null!;
    private IVendorConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions());
        _connection = await new SpsModule().ConnectAsync(new VendorConnectRequest
        {
            Name = "test", Endpoint = _sim.BaseAddress, Credentials = $"{_sim.User}:{_sim.Password}",
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task ObserveAll_ReportsEachObjectOfUsersThenGroups_ThenTheAclsAtOnce_AddingUpToTheObservedCounts()
    {
        var progress = new Recorder();

        var live = await _connection.Reader.ObserveAsync([.. SpsKinds.All.Select(k => k.Type)], progress, CancellationToken.None);

        var events = progress.Events.ToList();
        var users = live.OfType(SpsKinds.LocalUser.Type).Count;
        var groups = live.OfType(SpsKinds.LocalUserGroup.Type).Count;
        var acls = live.OfType(SpsKinds.UsergroupAcl.Type).Count;
        groups.Should().Be(24, "the new appliance's groups");
        acls.Should().BeGreaterThan(1);
        events.Select(e => e.Type).Should().Equal(
            [.. Enumerable.Repeat(SpsKinds.LocalUser.Type, users), .. Enumerable.Repeat(SpsKinds.LocalUserGroup.Type, groups), SpsKinds.UsergroupAcl.Type],
            "users are read before groups (members are named from them), the ACLs last");
        events.Where(e => e.Type != SpsKinds.UsergroupAcl.Type).Should().OnlyContain(e => e.Count == 1, "one GET per object, no list bodies");
        events.Single(e => e.Type == SpsKinds.UsergroupAcl.Type).Count.Should().Be(acls, "one answer holds every ACL");
        events.Sum(e => e.Count).Should().Be(live.All.Count());
    }

    [Fact]
    public async Task ObserveGroupsOnly_DoesNotCountTheUsersReadToNameMembers()
    {
        var progress = new Recorder();

        var live = await _connection.Reader.ObserveAsync([SpsKinds.LocalUserGroup.Type], progress, CancellationToken.None);

        live.All.Should().HaveCount(24).And.OnlyContain(o => o.Type == SpsKinds.LocalUserGroup.Type);
        progress.Events.Should().HaveCount(24).And.OnlyContain(e => e.Type == SpsKinds.LocalUserGroup.Type && e.Count == 1);
    }

    private sealed class Recorder : IObserveProgress
    {
        public ConcurrentQueue<(ObjectType Type, int Count)> Events { get; } = new();

        public void Read(ObjectType type, int count) => Events.Enqueue((type, count));
    }
}
