using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Operations;

/// <summary>Deleting an object removes its assignment, time-policy and grant rows (they are its sub-objects).</summary>
public class CascadeTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task DeleteSafe_WithEveryKindOfRow_RemovesTheRows()
    {
        var (safe, account, user) = await WireUpAsync("cascade-safe");

        (await _api.Delete($"safe/{safe}")).Code.Should().Be(200);

        (await CountAsync("user/safe", $"safe_id.eq({safe})")).Should().Be(0);
        (await CountAsync("user/safe/time_policy", $"safe_id.eq({safe})")).Should().Be(0);
        (await CountAsync("account/safe/listener", $"safe_id.eq({safe})")).Should().Be(0);
        (await CountAsync("grant/safe", $"for_safe_id.eq({safe})")).Should().Be(0);
        (await _api.Get($"account/{account}")).Code.Should().Be(200, "the account itself stays");
        (await _api.Get($"user/{user}")).Code.Should().Be(200, "the user itself stays");
    }

    [Fact]
    public async Task DeleteAccount_RemovesItsSafeListenerRowsAndGrants()
    {
        var (safe, account, _) = await WireUpAsync("cascade-acc-safe");
        await _api.Create("grant/account", new { to_user_id = await _api.IdOf("user", "auditor"), for_account_id = account });

        (await _api.Delete($"account/{account}")).Code.Should().Be(200);

        (await CountAsync("account/safe/listener", $"account_id.eq({account})")).Should().Be(0);
        (await CountAsync("grant/account", $"for_account_id.eq({account})")).Should().Be(0);
        (await _api.Get($"safe/{safe}?fields=accounts")).Json["safe"]!["accounts"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteUserSafe_RemovesItsTimePolicies()
    {
        var (safe, _, user) = await WireUpAsync("cascade-pair-safe");

        (await _api.Delete($"user/{user}/safe/{safe}")).Code.Should().Be(200);

        (await CountAsync("user/safe/time_policy", $"safe_id.eq({safe})")).Should().Be(0);
    }

    [Fact]
    public async Task DeleteUser_RemovesAssignmentsPoliciesAndGrants()
    {
        var user = await _api.Create("user", new { name = "leaver", role = "operator" });
        var safe = await _api.Create("safe", new { name = "leaver-safe" });
        await _api.Create("user/safe", new { user_id = user, safe_id = safe });
        await _api.Create("user/safe/time_policy", new { user_id = user, safe_id = safe, day_of_week = 5, valid_from = "08:00:00", valid_to = "18:00:00" });
        await _api.Create("grant/safe", new { to_user_id = user, for_safe_id = safe });

        (await _api.Delete($"user/{user}")).Code.Should().Be(200);

        (await CountAsync("user/safe", $"safe_id.eq({safe})")).Should().Be(0);
        (await CountAsync("user/safe/time_policy", $"safe_id.eq({safe})")).Should().Be(0);
        (await CountAsync("grant/safe", $"for_safe_id.eq({safe})")).Should().Be(0);
    }

    [Fact]
    public async Task DeleteListener_RemovesItsSafeListenerRows()
    {
        var listener = await _api.Create("listener", new { name = "temp-ssh", protocol = "ssh", mode = "proxy", listen_port = 2200 });
        var safe = await _api.Create("safe", new { name = "listener-safe" });
        var account = await NewAccountAsync("listener-acc");
        await _api.Post("account/safe/listener", new { account_id = account, safe_id = safe, listener_id = listener });

        (await _api.Delete($"listener/{listener}")).Code.Should().Be(200);

        (await CountAsync("account/safe/listener", $"safe_id.eq({safe})")).Should().Be(0);
    }

    [Fact]
    public async Task DeletePool_RemovesPoolServerRows_ButNotTheServers()
    {
        var pool = await _api.Create("pool", new { name = "temp-pool", protocol = "ssh" });
        var server = await _api.IdOf("server", "db-prod-02");
        await _api.Create("pool/server", new { pool_id = pool, server_id = server });

        (await _api.Delete($"pool/{pool}")).Code.Should().Be(200);

        (await CountAsync("pool/server", $"pool_id.eq({pool})")).Should().Be(0);
        (await _api.Get($"server/{server}")).Code.Should().Be(200);
    }

    [Fact]
    public async Task AccountSafeListener_WithoutListener_IsAddressedWithoutListenerId()
    {
        var safe = await _api.Create("safe", new { name = "no-listener-safe" });
        var account = await NewAccountAsync("no-listener-acc");
        (await _api.Post("account/safe/listener", new { account_id = account, safe_id = safe })).Code.Should().Be(200);

        var get = await _api.Get($"account/{account}/safe/{safe}/listener");
        var delete = await _api.Delete($"account/{account}/safe/{safe}/listener");

        get.Json["account_safe_listener"]!.AsObject().Should().NotContainKey("listener_id", "null values are skipped");
        delete.Code.Should().Be(200);
        (await CountAsync("account/safe/listener", $"safe_id.eq({safe})")).Should().Be(0);
    }

    private async Task<(string Safe, string Account, string User)> WireUpAsync(string safeName)
    {
        var safe = await _api.Create("safe", new { name = safeName });
        var account = await NewAccountAsync(safeName + "-acc");
        var user = await _api.IdOf("user", "carol");
        await _api.Create("user/safe", new { user_id = user, safe_id = safe });
        await _api.Create("user/safe/time_policy", new { user_id = user, safe_id = safe, day_of_week = 4, valid_from = "08:00:00", valid_to = "18:00:00" });
        (await _api.Post("account/safe/listener", new { account_id = account, safe_id = safe, listener_id = await _api.IdOf("listener", "ssh-gw") })).Code.Should().Be(200);
        await _api.Create("grant/safe", new { to_user_id = await _api.IdOf("user", "ops-lead"), for_safe_id = safe });
        return (safe, account, user);
    }

    private async Task<string> NewAccountAsync(string name) => await _api.Create("account", new
    {
        name, type = "regular", server_id = await _api.IdOf("server", "db-prod-01"), method = "password", login = "u",
    });

    private async Task<int> CountAsync(string collection, string filter) =>
        (await _api.Get($"{collection}?filter={filter}")).Json[FudoApi.TypeOf(collection)]!.AsArray().Count;
}
