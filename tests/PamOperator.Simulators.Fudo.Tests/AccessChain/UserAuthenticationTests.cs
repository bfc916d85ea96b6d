using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.AccessChain;

/// <summary>
/// <c>/user/&lt;id&gt;/authentication</c> (UserAuthenticationMethodModel): the vendor's batch example (create a user, then
/// its password method by substitution), the model's conditional rules, write-only secrets, and the cascade.
/// </summary>
public class UserAuthenticationTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task VendorBatchExample_CreateUserThenItsPassword_Succeeds()
    {
        var reply = await _api.Post("batch", new
        {
            atomic = true,
            requests = new object[]
            {
                new { id = "123", method = "POST", endpoint = "/user", data = new { name = "batch-john", role = "user" } },
                new { id = "124", method = "POST", endpoint = "/user/{123.user.id}/authentication", data = new { type = "password", position = 0, secret = "Sup3r-secret!" } },
            },
        });

        reply.Json["result"]!.GetValue<string>().Should().Be("success", reply.Text);
        var user = (await _api.Get("user?filter=name.eq(batch-john)&fields=id,authentication_methods")).Json["user"]![0]!;
        var methods = user["authentication_methods"]!.AsArray();
        methods.Should().ContainSingle();
        methods[0]!["type"]!.GetValue<string>().Should().Be("password");
        var listed = await _api.Get($"user/{user["id"]}/authentication?fields=id,type,position,secret,needs_change");
        listed.Code.Should().Be(400, "secret is protected and cannot be asked for");
        var all = await _api.Get($"user/authentication?filter=user_id.eq({user["id"]})");
        all.Json["user_authentication_method"]!.AsArray().Should().ContainSingle();
        all.Text.Should().NotContain("Sup3r-secret!");
    }

    [Theory]
    [InlineData("password without its secret", """{"type":"password","position":0}""", 400, "secret is required")]
    [InlineData("certificate without its subject", """{"type":"certificate","position":0}""", 400, "certificate_subject is required")]
    [InlineData("a secret on a certificate", """{"type":"certificate","position":0,"certificate_subject":"CN=x","secret":"s"}""", 400, "secret does not apply")]
    [InlineData("a subject on a password", """{"type":"password","position":0,"secret":"s","certificate_subject":"CN=x"}""", 400, "certificate_subject does not apply")]
    [InlineData("oath without its token settings", """{"type":"oath","position":0,"secret":"s"}""", 400, "oath_type is required")]
    [InlineData("an unknown type", """{"type":"token","position":0}""", 400, "type")]
    [InlineData("no position", """{"type":"password","secret":"s"}""", 400, "position is required")]
    [InlineData("another user's id in the body", """{"type":"password","position":0,"secret":"s","user_id":"7"}""", 400, "does not match the path")]
    public async Task Create_BrokenMethod_IsRefused(string reason, string body, int status, string message)
    {
        var user = await _api.Create("user", new { name = "auth-rules-" + Math.Abs(reason.GetHashCode(StringComparison.Ordinal)) });

        var reply = await _api.Send(HttpMethod.Post, $"user/{user}/authentication", body);

        reply.Code.Should().Be(status, reason);
        reply.Text.Should().Contain(message, reason);
    }

    [Fact]
    public async Task Position_IsUniquePerUser_TypeIsImmutable_UnknownUserIs404()
    {
        var user = await _api.Create("user", new { name = "auth-position" });
        var first = await _api.Post($"user/{user}/authentication", new { type = "password", position = 0, secret = "a" });
        var clash = await _api.Post($"user/{user}/authentication", new { type = "sshkey", position = 0, secret = "ssh-ed25519 AAAA" });
        var second = await _api.Post($"user/{user}/authentication", new { type = "sshkey", position = 1, secret = "ssh-ed25519 AAAA" });
        var id = first.Json["user_authentication_method"]!["id"]!.GetValue<string>();
        var retype = await _api.Patch($"user/{user}/authentication/{id}", new { type = "sms" });
        var needsChange = await _api.Patch($"user/{user}/authentication/{id}", new { needs_change = true });
        var unknownUser = await _api.Post("user/42/authentication", new { type = "password", position = 0, secret = "a" });
        var wrongOwner = await _api.Get($"user/{await _api.IdOf("user", "alice")}/authentication/{id}");

        first.Code.Should().Be(200);
        clash.Code.Should().Be(409);
        second.Code.Should().Be(200);
        retype.Code.Should().Be(400);
        retype.Text.Should().Contain("immutable");
        needsChange.Code.Should().Be(200, "the secret set on create still counts");
        unknownUser.Code.Should().Be(404);
        wrongOwner.Code.Should().Be(404, "a method is addressed below its own user");
    }

    [Fact]
    public async Task DeletingTheUser_RemovesItsMethods()
    {
        var user = await _api.Create("user", new { name = "auth-cascade" });
        var method = (await _api.Post($"user/{user}/authentication", new { type = "password", position = 0, secret = "a" }))
            .Json["user_authentication_method"]!["id"]!.GetValue<string>();

        (await _api.Delete("user/" + user)).Code.Should().Be(200);

        (await _api.Get($"user/authentication?filter=id.eq({method})")).Json["user_authentication_method"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task BuiltinAdmin_CannotBeChangedOrDeleted()
    {
        var admin = await _api.IdOf("user", "admin");

        (await _api.Patch("user/" + admin, new { email = "x@example.com" })).Code.Should().Be(403);
        (await _api.Delete("user/" + admin)).Code.Should().Be(403);
    }
}
