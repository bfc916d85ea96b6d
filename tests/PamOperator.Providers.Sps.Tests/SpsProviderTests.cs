using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.Sps.Kinds;
using PamOperator.Simulators.Sps;
using Xunit;

namespace PamOperator.Providers.Sps.Tests;

/// <summary>The SPS module against the SPS simulator over real HTTP: observe (members by name, ACLs), writes inside
/// one transaction (isolated until commit, rolled back on failure), session expiry renewed, untrusted answers.</summary>
public sealed class SpsProviderTests : IAsyncLifetime
{
    private static readonly ObjectType[] AllTypes = [.. SpsKinds.All.Select(k => k.Type)];
    private readonly ManualClock _clock = new();
    private SpsSimulator _sim = null!;
    private IVendorConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "rest-pw:with-colon", TimeProvider = _clock });
        _connection = await new SpsModule().ConnectAsync(new VendorConnectRequest
        {
            Name = "test",
            Endpoint = _sim.BaseAddress,
            Credentials = $"{_sim.User}:{_sim.Password}",
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Observe_NewAppliance_ReadsTheBuiltinAdminGroupsAndAcls()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);

        live.OfType(SpsKinds.LocalUser.Type).Should().ContainSingle(u => u.Key == "admin" && u.Builtin && u.SecretUpdatedAt != null);
        live.OfType(SpsKinds.LocalUserGroup.Type).Should().HaveCount(24);
        var indexing = live.Find(SpsKinds.UsergroupAcl.Type, "indexing")!;
        indexing.Spec.ToJsonString().Should().Be("""{"privileges":[{"object":"/special/bap","permission":"write"},{"object":"/special/search/search","permission":"write"}]}""");
    }

    [Fact]
    public async Task Writes_AreInvisibleToOthersUntilCommit_AndGroupMembersAreResolvedByName()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        await using var session = await _connection.Writer.BeginAsync([], live, CancellationToken.None);
        session.Guarantee.Should().Be(TransactionGuarantee.ServerTransaction);

        (await session.WriteAsync(Create(SpsKinds.LocalUser, "alice", [], new Dictionary<string, string> { ["password"] = "canary-a" }), CancellationToken.None)).Succeeded.Should().BeTrue();
        var group = await session.WriteAsync(Create(SpsKinds.LocalUserGroup, "auditors", new JsonObject { ["members"] = new JsonArray(new JsonObject { ["user"] = "ALICE" }) }), CancellationToken.None);
        group.Succeeded.Should().BeTrue(group.Error?.Message);

        (await OtherSessionNamesAsync("users")).Should().NotContain("alice", "uncommitted");
        var commit = await session.CommitAsync(CancellationToken.None);
        commit.Succeeded.Should().BeTrue();
        commit.CreatedIds.Should().HaveCount(2);

        var after = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        after.Find(SpsKinds.LocalUserGroup.Type, "auditors")!.Spec.ToJsonString().Should().Be("""{"members":[{"user":"alice"}]}""");
        (await OtherSessionNamesAsync("users")).Should().Contain("alice");
    }

    [Fact]
    public async Task FailedWrite_RollbackLeavesNothing_AndNoTransactionOpen()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        await using (var session = await _connection.Writer.BeginAsync([], live, CancellationToken.None))
        {
            (await session.WriteAsync(Create(SpsKinds.LocalUser, "alice", []), CancellationToken.None)).Succeeded.Should().BeTrue();
            var failed = await session.WriteAsync(Create(SpsKinds.LocalUserGroup, "g", new JsonObject { ["members"] = new JsonArray(new JsonObject { ["user"] = "nobody" }) }), CancellationToken.None);

            failed.Succeeded.Should().BeFalse();
            failed.Error!.Message.Should().StartWith("PAM530").And.Contain("nobody").And.Contain("nothing changed");
            await session.RollbackAsync(CancellationToken.None);
        }

        _sim.Transaction["open"]!.GetValue<bool>().Should().BeFalse();
        (await OtherSessionNamesAsync("users")).Should().Equal("admin");
    }

    [Fact]
    public async Task DisposingAnOpenSession_RollsBack()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        var session = await _connection.Writer.BeginAsync([], live, CancellationToken.None);
        (await session.WriteAsync(Create(SpsKinds.LocalUser, "alice", []), CancellationToken.None)).Succeeded.Should().BeTrue();
        _sim.Transaction["open"]!.GetValue<bool>().Should().BeTrue();

        await session.DisposeAsync();

        _sim.Transaction["open"]!.GetValue<bool>().Should().BeFalse();
        (await OtherSessionNamesAsync("users")).Should().Equal("admin");
    }

    [Fact]
    public async Task ExpiredSession_IsRenewedTransparently_BetweenObserveAndApply()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(25));

        await using var session = await _connection.Writer.BeginAsync([], live, CancellationToken.None);
        (await session.WriteAsync(Create(SpsKinds.LocalUser, "alice", []), CancellationToken.None)).Succeeded.Should().BeTrue();
        (await session.CommitAsync(CancellationToken.None)).Succeeded.Should().BeTrue();
        _sim.RequestLog.Count(e => e.PathAndQuery == "/api/authentication").Should().Be(2, "logged on again once");
    }

    [Fact]
    public async Task TransactionExpiringMidApply_FailsWithPAM532_NothingChanged()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        await using var session = await _connection.Writer.BeginAsync([], live, CancellationToken.None);
        (await session.WriteAsync(Create(SpsKinds.LocalUser, "alice", []), CancellationToken.None)).Succeeded.Should().BeTrue();
        _clock.Advance(TimeSpan.FromMinutes(11));

        var next = await session.WriteAsync(Create(SpsKinds.LocalUser, "bob", []), CancellationToken.None);

        next.Succeeded.Should().BeFalse();
        next.Error!.Message.Should().StartWith("PAM532");
        await session.RollbackAsync(CancellationToken.None);
        (await OtherSessionNamesAsync("users")).Should().Equal("admin");
    }

    [Fact]
    public async Task Rotation_SendsANewPasswordObject_AndPasswordCreatedFollows()
    {
        var live = await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None);
        await using (var create = await _connection.Writer.BeginAsync([], live, CancellationToken.None))
        {
            (await create.WriteAsync(Create(SpsKinds.LocalUser, "alice", [], new Dictionary<string, string> { ["password"] = "first-pw" }), CancellationToken.None)).Succeeded.Should().BeTrue();
            (await create.CommitAsync(CancellationToken.None)).Succeeded.Should().BeTrue();
        }

        var before = (await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None)).Find(SpsKinds.LocalUser.Type, "alice")!;
        _clock.Advance(TimeSpan.FromHours(1));
        await using (var rotate = await _connection.Writer.BeginAsync([], live, CancellationToken.None))
        {
            var update = new WriteOperation
            {
                Id = "update local_user.alice", Kind = SpsKinds.LocalUser, Operation = WriteKind.Update, Key = "alice",
                ExternalId = before.ExternalId, Spec = [], LiveSpec = [], ProviderData = before.ProviderData,
                Secrets = new Dictionary<string, string> { ["password"] = "second-pw" },
            };
            (await rotate.WriteAsync(update, CancellationToken.None)).Succeeded.Should().BeTrue();
            (await rotate.CommitAsync(CancellationToken.None)).Succeeded.Should().BeTrue();
        }

        var after = (await _connection.Reader.ObserveAsync(AllTypes, CancellationToken.None)).Find(SpsKinds.LocalUser.Type, "alice")!;
        after.ExternalId.Should().Be(before.ExternalId);
        after.SecretUpdatedAt.Should().Be(before.SecretUpdatedAt!.Value.AddHours(1));
        after.ProviderData!["password"]!.GetValue<string>().Should().NotBe(before.ProviderData!["password"]!.GetValue<string>());
        (await LogOnStatusAsync("alice", "second-pw")).Should().Be(200);
        (await LogOnStatusAsync("alice", "first-pw")).Should().Be(401);
    }

    [Fact]
    public async Task Credential_WithoutUser_IsRefusedWithoutShowingIt()
    {
        var act = () => new SpsModule().ConnectAsync(new VendorConnectRequest { Name = "x", Endpoint = _sim.BaseAddress, Credentials = "secret-only" }, CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().NotContain("secret-only");
    }

    private static WriteOperation Create(KindDescriptor kind, string name, JsonObject spec, Dictionary<string, string>? secrets = null) => new()
    {
        Id = $"create {kind.WireType}.{name}",
        Kind = kind,
        Operation = WriteKind.Create,
        Key = name,
        Spec = spec,
        Secrets = secrets ?? [],
    };

    private async Task<int> LogOnStatusAsync(string user, string password)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _sim.BaseAddress };
        using var logon = new HttpRequestMessage(HttpMethod.Get, "api/authentication");
        logon.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var answer = await http.SendAsync(logon);
        return (int)answer.StatusCode;
    }

    private async Task<List<string>> OtherSessionNamesAsync(string collection)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _sim.BaseAddress };
        using var logon = new HttpRequestMessage(HttpMethod.Get, "api/authentication");
        logon.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_sim.User}:{_sim.Password}")));
        using var answer = await http.SendAsync(logon);
        http.DefaultRequestHeaders.Add("Cookie", answer.Headers.GetValues("Set-Cookie").First().Split(';')[0]);
        var list = JsonNode.Parse(await http.GetStringAsync($"api/configuration/aaa/local_database/{collection}"))!;
        var names = new List<string>();
        foreach (var item in list["items"]!.AsArray())
        {
            var one = JsonNode.Parse(await http.GetStringAsync(item!["meta"]!["href"]!.GetValue<string>().TrimStart('/')))!;
            names.Add(one["body"]!["name"]!.GetValue<string>());
        }

        return names;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
