using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Endpoints;

/// <summary>Every request example of seed 001 (accounts), replayed; answers compared with the seed's samples.</summary>
public class SeedAccountsReplayTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task CreateAccount_SeedExample_ReturnsOnlyId_WithSeedDefaults()
    {
        var server = await _api.IdOf("server", "db-prod-01");

        var reply = await _api.Post("account", $$"""
            { "name": "test-account", "type": "regular", "server_id": "{{server}}", "method": "password",
              "login": "test-account-login", "domain": "my-domain" }
            """);
        var account = (await _api.Get($"account/{reply.Json["account"]!["id"]}")).Json["account"]!;

        reply.Json.ShouldMatchSample(SeedSamples.AccountCreated);
        account["blocked"]!.GetValue<bool>().Should().BeFalse();
        account["dump_mode"]!.GetValue<string>().Should().Be("noraw", "the seed's default");
        account["password_change_policy_id"]!.GetValue<string>().Should().Be("1", "a regular account without a policy gets Static");
        account["hotseat"]!.GetValue<bool>().Should().BeFalse();
        account["ssh_agent"]!.GetValue<bool>().Should().BeFalse();
        account.AsObject().Should().NotContainKey("secret").And.NotContainKey("server_name", "expensive attributes need fields=");
    }

    [Fact]
    public async Task ListAndGetAccount_ReturnTheAccount()
    {
        var id = await NewAccountAsync("listed-account");

        var list = await _api.Get("account?filter=name.eq(listed-account)");
        var get = await _api.Get($"account/{id}");

        list.Json["account"]!.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(id);
        get.Json["account"]!["name"]!.GetValue<string>().Should().Be("listed-account");
    }

    [Fact]
    public async Task PatchAccount_EnableOcrWithThreeLanguages_ReturnsSuccess()
    {
        var id = await NewAccountAsync("ocr-account");

        var reply = await _api.Patch($"account/{id}", """{ "ocr_enabled": true, "ocr_lang": "deu+eng+pol"}""");

        reply.Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"account/{id}")).Json["account"]!["ocr_lang"]!.GetValue<string>().Should().Be("deu+eng+pol");
    }

    [Fact]
    public async Task GrantAccount_Deprecated_CreatesGrant_WithDeprecationHeader()
    {
        var user = await _api.IdOf("user", "auditor");
        var account = await NewAccountAsync("granted-account");

        var reply = await _api.Post("grant/account", $$"""{ "to_user_id": {{user}}, "for_account_id": {{account}} }""");

        reply.Code.Should().Be(200);
        WireFormat.IsId(reply.Json["account_grant"]!["id"]).Should().BeTrue();
        reply.Headers.Should().ContainKey("Deprecation");
    }

    [Fact]
    public async Task PatchAccount_NullDomainAndPolicy_AssignsPolicy()
    {
        var id = await NewAccountAsync("policy-account");
        var policy = await _api.IdOf("password_change_policy", "rotate-30d");

        var reply = await _api.Patch($"account/{id}", $$"""{"domain":null, "password_change_policy_id":"{{policy}}"}""");
        var account = (await _api.Get($"account/{id}?fields=domain,password_change_policy_id,password_change_policy_name")).Json["account"]!;

        reply.Json.ShouldMatchSample(SeedSamples.Success);
        account["domain"].Should().BeNull();
        account["password_change_policy_id"]!.GetValue<string>().Should().Be(policy);
        account["password_change_policy_name"]!.GetValue<string>().Should().Be("rotate-30d");
    }

    [Fact]
    public async Task PatchAccount_PasswordChangeParameters_ReturnsSuccess_AndStoresThem()
    {
        var id = await NewAccountAsync("checkout-account");
        var policy = await _api.IdOf("password_change_policy", "rotate-30d");

        var reply = await _api.Patch($"account/{id}", $$"""
            { "domain":null, "password_change_policy_id":"{{policy}}", "password_checkout_time_limit":"06:59:00",
              "password_change_on_session_end":true, "password_change_on_checkin":true, "password_recovery":true }
            """);
        var account = (await _api.Get($"account/{id}")).Json["account"]!;

        reply.Json.ShouldMatchSample(SeedSamples.Success);
        account["password_checkout_time_limit"]!.GetValue<string>().Should().Be("06:59:00");
        account["password_change_on_checkin"]!.GetValue<bool>().Should().BeTrue();
        account["password_recovery"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task AccountSafeListener_SeedBodyWithNumericIds_ReturnsEmptyObject_ThenDeletes()
    {
        var account = await NewAccountAsync("asl-account-001");
        var safe = await _api.Create("safe", new { name = "asl-safe-001" });
        var listener = await _api.IdOf("listener", "ssh-gw");

        var create = await _api.Post("account/safe/listener", $$"""{ "account_id": {{account}}, "safe_id": {{safe}}, "listener_id": {{listener}} }""");
        var delete = await _api.Delete($"account/{account}/safe/{safe}/listener/{listener}");

        create.Json.ShouldMatchSample(SeedSamples.AccountSafeListenerCreated);
        delete.Json.ShouldMatchSample(SeedSamples.Success);
    }

    [Fact]
    public async Task DeleteAccount_SeedPath_RemovesIt()
    {
        var id = await NewAccountAsync("doomed-account");

        (await _api.Delete($"account/{id}")).Json.ShouldMatchSample(SeedSamples.Success);
        (await _api.Get($"account/{id}")).Code.Should().Be(404);
    }

    [Fact]
    public async Task MarkSessionsAsSafe_ExistingAccount_Succeeds_UnknownAccountIs404()
    {
        var id = await NewAccountAsync("alerted-account");

        var reply = await _api.Post($"account/{id}/mark_sessions_as_safe", "{}");
        var unknown = await _api.Post("account/42/mark_sessions_as_safe", "{}");

        reply.Json.ShouldMatchSample(SeedSamples.Success);
        unknown.Code.Should().Be(404);
    }

    private async Task<string> NewAccountAsync(string name) => await _api.Create("account", new
    {
        name, type = "regular", server_id = await _api.IdOf("server", "db-prod-01"), method = "password", login = name, domain = "corp",
    });
}
