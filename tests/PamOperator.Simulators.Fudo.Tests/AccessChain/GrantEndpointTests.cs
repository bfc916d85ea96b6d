using System.Net;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.AccessChain;

/// <summary>
/// Every grant type of the "Grant" group (pam-apis.md 1.4: GET, POST and DELETE only): user, server, pool and listener
/// grants beside the safe and account ones, with the same fields, filters, errors and cascades.
/// </summary>
public class GrantEndpointTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    public static TheoryData<string, string, string> Targets => new()
    {
        { "user", "user", "alice" },
        { "server", "server", "db-prod-01" },
        { "pool", "pool", "db-prod-pool" },
        { "listener", "listener", "ssh-gw" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Grant_CreateListFilterDuplicateDelete_FollowTheGrantModel(string target, string collection, string name)
    {
        var operatorId = await _api.IdOf("user", "ops-lead");
        var targetId = await _api.IdOf(collection, name);
        var body = new Dictionary<string, object> { ["to_user_id"] = operatorId, [$"for_{target}_id"] = targetId };

        var id = await _api.Create("grant/" + target, body);
        var listed = await _api.Get($"grant/{target}?filter=to_user_id.eq({operatorId})&fields=id,to_user_id,for_{target}_id,for_{target}_name,to_user_name,to_user_role");
        var duplicate = await _api.Post("grant/" + target, body);
        var patch = await _api.Patch($"grant/{target}/{id}", new { to_user_id = operatorId });
        var deleted = await _api.Delete($"grant/{target}/{id}");
        var after = await _api.Get($"grant/{target}/{id}");

        var row = listed.Json[$"{target}_grant"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;
        row[$"for_{target}_name"]!.GetValue<string>().Should().Be(name);
        row["to_user_name"]!.GetValue<string>().Should().Be("ops-lead");
        row["to_user_role"]!.GetValue<string>().Should().Be("operator");
        duplicate.Code.Should().Be(409, "to_user_id and for_{0}_id are unique together", target);
        patch.Code.Should().Be(405, "grants have no PATCH");
        deleted.Code.Should().Be(200);
        after.Code.Should().Be(404);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Grant_UnknownTargetOrMissingUser_Is400(string target, string collection, string name)
    {
        var operatorId = await _api.IdOf("user", "ops-lead");
        _ = await _api.IdOf(collection, name);

        var unknown = await _api.Post("grant/" + target, new Dictionary<string, object> { ["to_user_id"] = operatorId, [$"for_{target}_id"] = "42" });
        var missing = await _api.Post("grant/" + target, new Dictionary<string, object> { [$"for_{target}_id"] = await _api.IdOf(collection, name) });

        unknown.Code.Should().Be(400);
        unknown.Text.Should().Contain($"for_{target}_id");
        missing.Code.Should().Be(400);
        missing.Text.Should().Contain("to_user_id is required");
    }

    [Theory]
    [InlineData("user_grant", "for_user_id")]
    [InlineData("server_grant", "for_server_id")]
    [InlineData("pool_grant", "for_pool_id")]
    [InlineData("listener_grant", "for_listener_id")]
    public async Task Objspec_Grant_DescribesTheKeyPair(string type, string target)
    {
        var spec = (await _api.Get("objspec/" + type)).Json[type]!;

        spec[target]!["immutable"]!.GetValue<bool>().Should().BeTrue();
        spec[target]!["unique_with"]![0]!.GetValue<string>().Should().Be("to_user_id");
        spec["id"]!["readonly"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task DeletingTheTargetOrTheUser_RemovesTheirGrants()
    {
        var user = await _api.Create("user", new { name = "grant-cascade-op", role = "operator" });
        var server = await _api.Create("server", new { name = "grant-cascade-srv", protocol = "ssh", address = "10.9.9.9", port = 22 });
        var other = await _api.Create("user", new { name = "grant-cascade-target" });
        var serverGrant = await _api.Create("grant/server", new { to_user_id = user, for_server_id = server });
        var userGrant = await _api.Create("grant/user", new { to_user_id = user, for_user_id = other });

        (await _api.Delete("server/" + server)).Code.Should().Be(200);
        (await _api.Delete("user/" + other)).Code.Should().Be(200);

        (await _api.Get("grant/server/" + serverGrant)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _api.Get("grant/user/" + userGrant)).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
