using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.CyberArk.Kinds;

namespace PamOperator.Providers.CyberArk.Tests;

/// <summary>The module's reader over HTTP: list calls only, paging to the end, sessions renewed transparently.</summary>
public class ObserveTests
{
    [Fact]
    public async Task FiveThousandAccounts_AreObservedWithListCallsOnly_FollowingNextLinkToTheEnd()
    {
        await using var ws = await Workspace.StartAsync();
        var token = await ws.LogonAsync("Administrator", Workspace.Password);
        await ws.PostAsync("PasswordVault/API/Safes", new JsonObject { ["safeName"] = "bulk" }, token);
        using (var bulk = await ws.Http.PostAsync("_sim/bulk", new StringContent("""{"safeName":"bulk","count":5000,"namePrefix":"acct-"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            bulk.EnsureSuccessStatusCode();
        }

        ws.Simulator.RequestLog.Clear();
        await using var connection = await ConnectAsync(ws, pageSize: 1000);
        var live = await connection.Reader.ObserveAsync([.. CyberArkKinds.All.Select(k => k.Type)], CancellationToken.None);

        var accounts = live.OfType(CyberArkKinds.Account.Type);
        accounts.Should().HaveCount(5000);
        accounts.Select(a => a.Key).Should().OnlyHaveUniqueItems().And.Contain(["acct-1", "acct-5000"]);
        var log = ws.Simulator.RequestLog.Snapshot();
        log.Where(e => !e.PathAndQuery.Contains("/Auth/", StringComparison.OrdinalIgnoreCase)).Should().OnlyContain(e => e.Method == "GET", "observing never writes");
        log.Count(e => e.PathAndQuery.StartsWith("/PasswordVault/API/Accounts", StringComparison.OrdinalIgnoreCase)).Should().Be(5, "five pages of 1000");
        log.Should().NotContain(e => System.Text.RegularExpressions.Regex.IsMatch(e.PathAndQuery, "/Accounts/[0-9]+_[0-9]+"), "no GET per object");
    }

    [Fact]
    public async Task ObserveWithProgress_ReportsEveryPageInOrder_AddingUpToTheObservedCountsPerKind()
    {
        await using var ws = await Workspace.StartAsync();
        await SeedAsync(ws, accounts: 2345, members: 5);
        await using var connection = await ConnectAsync(ws, pageSize: 1000);
        var progress = new ProgressRecorder();
        var types = CyberArkKinds.All.Select(k => k.Type).ToList();

        var live = await connection.Reader.ObserveAsync(types, progress, CancellationToken.None);

        var events = progress.Events.ToList();
        var accounts = events.Where(e => e.Type == CyberArkKinds.Account.Type).Select(e => e.Count).ToList();
        var observed = live.OfType(CyberArkKinds.Account.Type).Count;
        observed.Should().BeGreaterThanOrEqualTo(2345);
        accounts.Should().HaveCount((observed + 999) / 1000, "one event per page of 1000, following nextLink");
        accounts.Take(accounts.Count - 1).Should().OnlyContain(c => c == 1000, "full pages first, in page order");
        foreach (var type in types)
        {
            events.Where(e => e.Type == type).Sum(e => e.Count).Should().Be(live.OfType(type).Count, $"the pages of {type.WireType} add up to what the observe returns");
        }

        events.FindLastIndex(e => e.Type == CyberArkKinds.Safe.Type).Should().BeLessThan(
            events.FindIndex(e => e.Type == CyberArkKinds.SafeMember.Type), "members are listed per safe once the safes are read");
        events.Should().OnlyContain(e => e.Count > 0);
    }

    [Fact]
    public async Task ObserveMembersOnly_DoesNotCountTheSafesListedToFindThem()
    {
        await using var ws = await Workspace.StartAsync();
        await SeedAsync(ws, accounts: 1, members: 5);
        await using var connection = await ConnectAsync(ws, pageSize: 2);
        var progress = new ProgressRecorder();

        var live = await connection.Reader.ObserveAsync([CyberArkKinds.SafeMember.Type], progress, CancellationToken.None);

        var members = live.OfType(CyberArkKinds.SafeMember.Type).Count;
        members.Should().BeGreaterThanOrEqualTo(5, "the seeded members, more than one page of 2");
        progress.Events.Should().OnlyContain(e => e.Type == CyberArkKinds.SafeMember.Type && (e.Count == 1 || e.Count == 2));
        progress.Events.Sum(e => e.Count).Should().Be(members);
    }

    [Fact]
    public async Task AnExpiredOrLoggedOffToken_IsRenewedTransparently()
    {
        await using var ws = await Workspace.StartAsync();
        await using var connection = await ConnectAsync(ws, pageSize: 25);
        var types = CyberArkKinds.All.Select(k => k.Type).ToList();

        await connection.Reader.ObserveAsync(types, CancellationToken.None);
        using (var end = await ws.Http.DeleteAsync("_sim/sessions"))
        {
            end.EnsureSuccessStatusCode();
        }

        var again = await connection.Reader.ObserveAsync(types, CancellationToken.None);

        again.Should().NotBeNull();
        ((CyberArkConnection)connection).Client.Logons.Should().Be(2, "the 401 after the sessions ended logged on once more");
        ws.Simulator.RequestLog.Snapshot().Count(e => e.Status == 401).Should().Be(1);
    }

    [Fact]
    public async Task ACredentialThatIsNotUserColonPassword_FailsAsUnauthorized_WithoutShowingIt()
    {
        await using var ws = await Workspace.StartAsync();
        await using var connection = await new CyberArkModule().ConnectAsync(new VendorConnectRequest
        {
            Name = "broken",
            Endpoint = ws.Simulator.BaseAddress,
            Credentials = "no-colon-CANARY",
        }, CancellationToken.None);

        var act = () => connection.Reader.ObserveAsync([CyberArkKinds.Safe.Type], CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Message.Should().Contain("USER:PASSWORD").And.NotContain("CANARY");
    }

    /// <summary>A safe "bulk" with <paramref name="accounts"/> accounts (one admin call) and <paramref name="members"/> members.</summary>
    private static async Task SeedAsync(Workspace ws, int accounts, int members)
    {
        var token = await ws.LogonAsync("Administrator", Workspace.Password);
        await ws.PostAsync("PasswordVault/API/Safes", new JsonObject { ["safeName"] = "bulk" }, token);
        using (var bulk = await ws.Http.PostAsync("_sim/bulk", new StringContent($$"""{"safeName":"bulk","count":{{accounts}},"namePrefix":"acct-"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            bulk.EnsureSuccessStatusCode();
        }

        for (var i = 1; i <= members; i++)
        {
            using (var user = await ws.Http.PostAsync("_sim/users", new StringContent($$"""{"name":"member-{{i}}","password":"pw-{{i}}"}""", System.Text.Encoding.UTF8, "application/json")))
            {
                user.EnsureSuccessStatusCode();
            }

            (await ws.PostAsync("PasswordVault/API/Safes/bulk/Members/", new JsonObject { ["memberName"] = $"member-{i}" }, token)).Should().Be(System.Net.HttpStatusCode.Created);
        }
    }

    private static Task<IVendorConnection> ConnectAsync(Workspace ws, int pageSize) =>
        new CyberArkModule().ConnectAsync(new VendorConnectRequest
        {
            Name = "test",
            Endpoint = ws.Simulator.BaseAddress,
            Credentials = "Administrator:" + Workspace.Password,
            RequestsPerSecond = 10_000,
            Burst = 10_000,
            Settings = new JsonObject { ["pageSize"] = pageSize },
        }, CancellationToken.None);

    private sealed class ProgressRecorder : IObserveProgress
    {
        public System.Collections.Concurrent.ConcurrentQueue<(ObjectType Type, int Count)> Events { get; } = new();

        public void Read(ObjectType type, int count) => Events.Enqueue((type, count));
    }
}
