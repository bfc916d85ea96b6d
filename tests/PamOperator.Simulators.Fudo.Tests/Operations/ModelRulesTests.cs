using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Operations;

/// <summary>The seed models' rules, one refused request per row; each refusal must leave every object unchanged.</summary>
public class ModelRulesTests(ModelRulesTests.Setup setup) : IClassFixture<ModelRulesTests.Setup>
{
    private const string Regular = """ "type":"regular","server_id":"{server:db-prod-01}","method":"password","login":"l" """;

    public static TheoryData<string, string, string, string, int> Refusals => new()
    {
        { "name is required", "POST", "safe", "{}", 400 },
        { "names are unique ignoring case", "POST", "safe", """{"name":"RULES-SAFE"}""", 409 },
        { "reason is required when blocked", "POST", "safe", """{"name":"b1","blocked":true}""", 400 },
        { "note_access is an enum", "POST", "safe", """{"name":"e1","note_access":"admin"}""", 400 },
        { "unknown attributes are refused", "POST", "safe", """{"name":"u1","colour":"red"}""", 400 },
        { "numbers must be JSON numbers", "POST", "safe", """{"name":"t1","confirmation_timeout":"5"}""", 400 },
        { "booleans must be JSON booleans", "POST", "safe", """{"name":"t2","webclient":1}""", 400 },
        { "created_at is read-only", "POST", "safe", """{"name":"r1","created_at":"2022-01-01 00:00:00"}""", 400 },
        { "id is read-only", "PATCH", "safe/{safe:rules-safe}", """{"id":"5"}""", 400 },
        { "accounts (expensive) is read-only", "PATCH", "safe/{safe:rules-safe}", """{"accounts":[]}""", 400 },
        { "a required attribute cannot be nulled", "PATCH", "safe/{safe:rules-safe}", """{"webclient":null}""", 400 },
        { "renaming onto another name conflicts", "PATCH", "safe/{safe:rules-safe}", """{"name":"Rules-Safe-2"}""", 409 },
        { "a protocol group must be an object", "POST", "safe", """{"name":"n1","ssh":true}""", 400 },
        { "account type is immutable", "PATCH", "account/{account:rules-acc}", """{"type":"forward"}""", 400 },
        { "server and pool are exclusive", "POST", "account", """{"name":"x1",""" + Regular + ""","pool_id":"{pool:db-prod-pool}"}""", 400 },
        { "a server or pool is required", "POST", "account", """{"name":"x2","type":"regular","method":"password","login":"l"}""", 400 },
        { "regular accounts need a method", "POST", "account", """{"name":"x3","type":"regular","server_id":"{server:db-prod-01}","login":"l"}""", 400 },
        { "regular accounts need a login", "POST", "account", """{"name":"x4","type":"regular","server_id":"{server:db-prod-01}","method":"password"}""", 400 },
        { "anonymous accounts take no method", "POST", "account", """{"name":"x5","type":"anonymous","server_id":"{server:db-prod-01}","method":"password"}""", 400 },
        { "method account needs account_id", "PATCH", "account/{account:rules-acc}", """{"method":"account"}""", 400 },
        { "account_id must name an existing account", "PATCH", "account/{account:rules-acc}", """{"method":"account","account_id":"42"}""", 400 },
        { "method passvn needs passvn_id", "PATCH", "account/{account:rules-acc}", """{"method":"passvn"}""", 400 },
        { "ocr_enabled needs ocr_lang", "PATCH", "account/{account:rules-acc}", """{"ocr_enabled":true}""", 400 },
        { "ocr_lang parts are an enum", "PATCH", "account/{account:rules-acc}", """{"ocr_enabled":true,"ocr_lang":"deu+xx"}""", 400 },
        { "the server must exist", "POST", "account", """{"name":"x6","type":"regular","server_id":"42","method":"password","login":"l"}""", 400 },
        { "hotseat is for rdp servers only", "PATCH", "account/{account:rules-acc}", """{"hotseat":true}""", 400 },
        { "a passphrase needs a secret", "PATCH", "account/{account:rules-acc}", """{"private_key_passphrase":"p"}""", 400 },
        { "change on checkin needs a checkout limit", "PATCH", "account/{account:rules-acc}", """{"password_change_on_checkin":true}""", 400 },
        { "dump_mode is an enum", "PATCH", "account/{account:rules-acc}", """{"dump_mode":"some"}""", 400 },
        { "retention_remove is at least 1", "PATCH", "account/{account:rules-acc}", """{"retention_remove":0}""", 400 },
        { "the password policy must exist", "PATCH", "account/{account:rules-acc}", """{"password_change_policy_id":"42"}""", 400 },
        { "servauth is for forward accounts", "PATCH", "account/{account:rules-acc}", """{"servauth":true}""", 400 },
        { "a user-safe pair is unique", "POST", "user/safe", """{"user_id":"{user:alice}","safe_id":"{safe:rules-safe}"}""", 409 },
        { "the assigned user must exist", "POST", "user/safe", """{"user_id":"42","safe_id":"{safe:rules-safe}"}""", 400 },
        { "user-safe keys are immutable", "PATCH", "user/{user:alice}/safe/{safe:rules-safe}", """{"safe_id":"{safe:rules-safe-2}"}""", 400 },
        { "valid_since is a timestamp", "PATCH", "user/{user:alice}/safe/{safe:rules-safe}", """{"valid_since":"yesterday"}""", 400 },
        { "an account-safe-listener triple is unique", "POST", "account/safe/listener", """{"account_id":"{account:rules-acc}","safe_id":"{safe:rules-safe}","listener_id":"{listener:ssh-gw}"}""", 409 },
        { "the listener serves the account's protocol", "POST", "account/safe/listener", """{"account_id":"{account:rules-acc}","safe_id":"{safe:rules-safe}","listener_id":"{listener:rdp-gw}"}""", 400 },
        { "account-safe-listener has no PATCH", "PATCH", "account/{account:rules-acc}/safe/{safe:rules-safe}/listener/{listener:ssh-gw}", "{}", 405 },
        { "a safe grant pair is unique", "POST", "grant/safe", """{"to_user_id":"{user:ops-lead}","for_safe_id":"{safe:rules-safe}"}""", 409 },
        { "grants have no PATCH", "PATCH", "grant/safe/{grant}", "{}", 405 },
        { "a time policy needs the user assigned to the safe", "POST", "user/safe/time_policy", """{"user_id":"{user:bob}","safe_id":"{safe:rules-safe}","day_of_week":1,"valid_from":"09:00:00","valid_to":"10:00:00"}""", 400 },
        { "day_of_week is 1..7", "POST", "user/safe/time_policy", """{"user_id":"{user:alice}","safe_id":"{safe:rules-safe}","day_of_week":8,"valid_from":"09:00:00","valid_to":"10:00:00"}""", 400 },
        { "one time policy per day", "POST", "user/safe/time_policy", """{"user_id":"{user:alice}","safe_id":"{safe:rules-safe}","day_of_week":1,"valid_from":"11:00:00","valid_to":"12:00:00"}""", 409 },
        { "a time window is not empty", "POST", "user/safe/time_policy", """{"user_id":"{user:alice}","safe_id":"{safe:rules-safe}","day_of_week":2,"valid_from":"10:00:00","valid_to":"09:00:00"}""", 400 },
        { "times are HH:MM:SS", "POST", "user/safe/time_policy", """{"user_id":"{user:alice}","safe_id":"{safe:rules-safe}","day_of_week":2,"valid_from":"9:00","valid_to":"10:00:00"}""", 400 },
        { "time policy keys are immutable", "PATCH", "user/safe/time_policy/{policy}", """{"user_id":"{user:bob}"}""", 400 },
        { "builtin users cannot be modified", "PATCH", "user/{user:admin}", """{"email":"root@example.com"}""", 403 },
        { "builtin users cannot be deleted", "DELETE", "user/{user:admin}", "", 403 },
        { "the builtin Static policy cannot be deleted", "DELETE", "password_change_policy/1", "", 403 },
        { "policies cannot be created via the API (seed 001)", "POST", "password_change_policy", """{"name":"p"}""", 405 },
        { "policies cannot be modified via the API", "PATCH", "password_change_policy/{password_change_policy:rotate-30d}", """{"description":"x"}""", 405 },
        { "a server an account uses cannot be deleted", "DELETE", "server/{server:db-prod-01}", "", 409 },
        { "an account used as a password changer cannot be deleted", "DELETE", "account/{account:rules-changer}", "", 409 },
        { "listener protocol is immutable", "PATCH", "listener/{listener:ssh-gw}", """{"protocol":"rdp"}""", 400 },
        { "an unknown id is 404", "GET", "safe/42", "", 404 },
        { "an unknown id is 404 on PATCH", "PATCH", "safe/42", "{}", 404 },
        { "an unknown endpoint is 404", "GET", "frobnicate", "", 404 },
        { "PUT is not an API v2 method", "PUT", "safe", "{}", 405 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Request_BreakingARule_IsRefused_AndChangesNothing(string reason, string method, string path, string body, int status)
    {
        var api = setup.Api;
        path = await Placeholders.ResolveAsync(api, path, setup.Known);
        body = await Placeholders.ResolveAsync(api, body, setup.Known);
        var before = await StateDigest.TakeAsync(api);

        var reply = await api.Send(new HttpMethod(method), path, body.Length == 0 ? null : body);

        reply.Code.Should().Be(status, $"{reason} ({reply.Text})");
        reply.Json["result"]!.GetValue<string>().Should().Be("error");
        reply.Json["message"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        (await StateDigest.TakeAsync(api)).Should().Be(before, $"a refused request ({reason}) changes nothing");
    }

    /// <summary>The objects the rules are tried against.</summary>
    public sealed class Setup : IAsyncLifetime
    {
        private readonly SimulatorFixture _fixture = new();

        public FudoApi Api => _fixture.Api;

        public Dictionary<string, string> Known { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            await _fixture.InitializeAsync();
            var safe = await Api.Create("safe", new { name = "rules-safe" });
            await Api.Create("safe", new { name = "rules-safe-2" });
            var server = await Api.IdOf("server", "db-prod-01");
            var account = await Api.Create("account", new { name = "rules-acc", type = "regular", server_id = server, method = "password", login = "l" });
            await Api.Create("account", new { name = "rules-changer", type = "regular", server_id = server, method = "password", login = "c" });
            await Api.Create("account", new { name = "rules-rotated", type = "regular", server_id = server, method = "account", login = "r", account_id = await Api.IdOf("account", "rules-changer") });
            var alice = await Api.IdOf("user", "alice");
            await Api.Create("user/safe", new { user_id = alice, safe_id = safe });
            Known["policy"] = await Api.Create("user/safe/time_policy", new { user_id = alice, safe_id = safe, day_of_week = 1, valid_from = "09:00:00", valid_to = "10:00:00" });
            (await Api.Post("account/safe/listener", new { account_id = account, safe_id = safe, listener_id = await Api.IdOf("listener", "ssh-gw") })).Code.Should().Be(200);
            Known["grant"] = await Api.Create("grant/safe", new { to_user_id = await Api.IdOf("user", "ops-lead"), for_safe_id = safe });
        }

        public Task DisposeAsync() => _fixture.DisposeAsync();
    }
}
