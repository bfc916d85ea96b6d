using System.Net;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Endpoints;

/// <summary>Every request example of seed 000 (safes), replayed; answers compared with the seed's samples.</summary>
public class SeedSafesReplayTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task SafeList_SafeWithThreeAccounts_MatchesSeedSample()
    {
        var safe = await _api.Create("safe", new { name = "main" });
        var server = await _api.IdOf("server", "db-prod-01");
        var listener = await _api.IdOf("listener", "ssh-gw");
        foreach (var name in new[] { "main-acc-1", "main-acc-2", "main-acc-3" })
        {
            var account = await _api.Create("account", new { name, type = "regular", server_id = server, method = "password", login = name });
            (await _api.Post("account/safe/listener", new { account_id = account, safe_id = safe, listener_id = listener })).Code.Should().Be(200);
        }

        var reply = await _api.Get("safe?filter=name.eq(main)");

        reply.Json["result"]!.GetValue<string>().Should().Be("success");
        reply.Json["safe"]!.AsArray().Should().ContainSingle().Which.ShouldMatchSample(SeedSamples.SafeListItem);
    }

    [Fact]
    public async Task CreateSafe_SeedExample_ReturnsOnlyId()
    {
        var reply = await _api.Post("safe", """{ "name": "my-1st-safe" }""");

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.ShouldMatchSample(SeedSamples.SafeCreated);
    }

    [Fact]
    public async Task GetSafe_NewSafe_MatchesSeedSampleWithDefaults()
    {
        var id = await _api.Create("safe", new { name = "my-2nd-safe" });

        var reply = await _api.Get($"safe/{id}");

        reply.Json.ShouldMatchSample(SeedSamples.SafeGet.Replace("my-1st-safe", "my-2nd-safe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateSafe_NestedProtocolGroups_AreStoredAndReturnedFlat()
    {
        var id = await _api.Create("safe", new { name = "nested-safe", ssh = new { x11 = false }, rdp = new { rdp_audin = false }, vnc_clipcli = false });

        var safe = (await _api.Get($"safe/{id}")).Json["safe"]!.AsObject();

        safe["ssh_x11"]!.GetValue<bool>().Should().BeFalse();
        safe["rdp_audin"]!.GetValue<bool>().Should().BeFalse();
        safe["vnc_clipcli"]!.GetValue<bool>().Should().BeFalse();
        safe.Should().NotContainKeys("ssh", "rdp", "vnc");
    }

    [Fact]
    public async Task PatchSafe_RequiredVotes_ReturnsSuccessOnly_AndIsStored()
    {
        var id = await _api.Create("safe", new { name = "jit-safe" });

        var reply = await _api.Patch($"safe/{id}", """{ "required_votes": 5}""");

        reply.Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"safe/{id}")).Json["safe"]!["required_votes"]!.GetValue<long>().Should().Be(5);
    }

    [Fact]
    public async Task TimePolicies_TwoDays_ListMatchesSeedSample_AndPatchChangesDay()
    {
        var (user, safe) = await AssignAsync("carol", "tp-safe");
        var tuesday = await _api.Create("user/safe/time_policy", new { user_id = user, safe_id = safe, day_of_week = 2, valid_from = "09:00:00", valid_to = "14:00:00" });
        await _api.Create("user/safe/time_policy", new { user_id = user, safe_id = safe, day_of_week = 3, valid_from = "09:15:00", valid_to = "14:15:00" });

        var list = await _api.Get($"user/safe/time_policy?filter=safe_id.eq({safe})");
        var patch = await _api.Patch($"user/safe/time_policy/{tuesday}", """{ "day_of_week": 1}""");

        list.Json.ShouldMatchSample(SeedSamples.TimePolicyList);
        patch.Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"user/safe/time_policy/{tuesday}")).Json["user_safe_time_policy"]!["day_of_week"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task UserSafe_GetPatchDelete_ByPair_FollowSeedPaths()
    {
        var (user, safe) = await AssignAsync("dave", "pair-safe");

        var get = await _api.Get($"user/{user}/safe/{safe}");
        var patch = await _api.Patch($"user/{user}/safe/{safe}", """{"password_visible": true}""");
        var after = await _api.Get($"user/{user}/safe/{safe}");
        var delete = await _api.Delete($"user/{user}/safe/{safe}");

        get.Json["user_safe"]!["password_visible"]!.GetValue<bool>().Should().BeFalse();
        get.Json["user_safe"]!["valid_since"]!.GetValue<string>().Should().Be("-infinity");
        get.Json["user_safe"]!["valid_to"]!.GetValue<string>().Should().Be("infinity");
        patch.Json.ShouldMatchSample(SeedSamples.Success);
        after.Json["user_safe"]!["password_visible"]!.GetValue<bool>().Should().BeTrue();
        delete.Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"user/{user}/safe/{safe}")).Code.Should().Be(404);
    }

    [Fact]
    public async Task UserSafeList_ListsAssignments_UnderUserSafeKey()
    {
        var (user, safe) = await AssignAsync("bob", "list-pair-safe");

        var reply = await _api.Get($"user/safe?filter=safe_id.eq({safe})");

        reply.Json["user_safe"]!.AsArray().Should().ContainSingle().Which!["user_id"]!.GetValue<string>().Should().Be(user);
    }

    [Fact]
    public async Task GrantSafe_NumericIdsAsInSeed_CreatesGrant()
    {
        var user = await _api.IdOf("user", "ops-lead");
        var safe = await _api.Create("safe", new { name = "granted-safe" });

        var reply = await _api.Post("grant/safe", $$"""{ "to_user_id": {{user}}, "for_safe_id": {{safe}} }""");

        reply.Json["safe_grant"]!["id"].Should().NotBeNull();
        WireFormat.IsId(reply.Json["safe_grant"]!["id"]).Should().BeTrue();
        (await _api.Get($"grant/safe?filter=for_safe_id.eq({safe})")).Json["safe_grant"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task AccountSafeListener_CreateListDelete_MatchSeed()
    {
        var safe = await _api.Create("safe", new { name = "asl-safe" });
        var account = await _api.Create("account", new { name = "asl-acc", type = "regular", server_id = await _api.IdOf("server", "db-prod-02"), method = "password", login = "x" });
        var listener = await _api.IdOf("listener", "ssh-gw");

        var create = await _api.Post("account/safe/listener", $$"""{ "account_id": {{account}}, "safe_id": {{safe}}, "listener_id": {{listener}} }""");
        var list = await _api.Get($"account/safe/listener?filter=safe_id.eq({safe})");
        var delete = await _api.Delete($"account/{account}/safe/{safe}/listener/{listener}");

        create.Json.ShouldMatchSample(SeedSamples.AccountSafeListenerCreated);
        list.Json["account_safe_listener"]!.AsArray().Should().ContainSingle().Which!["listener_id"]!.GetValue<string>().Should().Be(listener);
        delete.Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"account/safe/listener?filter=safe_id.eq({safe})")).Json["account_safe_listener"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteSafe_SeedPath_RemovesIt()
    {
        var id = await _api.Create("safe", new { name = "doomed-safe" });

        var reply = await _api.Delete($"safe/{id}");

        reply.Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"safe/{id}")).Code.Should().Be(404);
    }

    private async Task<(string User, string Safe)> AssignAsync(string userName, string safeName)
    {
        var user = await _api.IdOf("user", userName);
        var safe = await _api.Create("safe", new { name = safeName });
        await _api.Create("user/safe", new { user_id = user, safe_id = safe });
        return (user, safe);
    }
}
