using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Tests;

/// <summary>Seed 002's sample answers, reproduced by the simulator over real HTTP.</summary>
public sealed class SeedSampleTests : IAsyncLifetime
{
    private SpsSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "test-password" });

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Acls_OnANewAppliance_AreTheSeedSampleExactly()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        var (status, body) = await session.GetAsync("api/configuration/aaa/acls");

        status.Should().Be(HttpStatusCode.OK);
        JsonNode.DeepEquals(body, JsonNode.Parse(SeedSamples.Acls)).Should().BeTrue(body!.ToJsonString());
    }

    [Fact]
    public async Task LocalDatabase_IsTheSeedSampleExactly()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        var (_, body) = await session.GetAsync("api/configuration/aaa/local_database");

        JsonNode.DeepEquals(body, JsonNode.Parse(SeedSamples.LocalDatabase)).Should().BeTrue(body!.ToJsonString());
    }

    [Fact]
    public async Task UsersCollectionAndUser_HaveTheSeedEnvelopes()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        await session.OpenAsync();
        var key = await session.CreateUserAsync("testuser");
        (await session.PutAsync("api/transaction", new JsonObject { ["status"] = "commit" })).Status.Should().Be(HttpStatusCode.OK);

        var (_, list) = await session.GetAsync("api/configuration/aaa/local_database/users");
        var (_, user) = await session.GetAsync($"api/configuration/aaa/local_database/users/{key}");

        var items = list!["items"]!.AsArray();
        items.Should().HaveCount(2, "the built-in admin and testuser");
        items[1]!.ToJsonString().Should().Be("{\"key\":\"" + key + "\",\"meta\":{\"href\":\"/api/configuration/aaa/local_database/users/" + key + "\"}}");
        var first = items[0]!["key"]!.GetValue<string>();
        JsonNode.DeepEquals(list["meta"], JsonNode.Parse("""
            {"first": "/api/configuration/aaa/local_database/groups", "href": "/api/configuration/aaa/local_database/users",
             "last": "/api/configuration/aaa/local_database/users", "next": null, "parent": "/api/configuration/aaa/local_database",
             "previous": "/api/configuration/aaa/local_database/groups", "transaction": "/api/transaction"}
            """)).Should().BeTrue(list["meta"]!.ToJsonString());
        user!["key"]!.GetValue<string>().Should().Be(key);
        user["body"]!["name"]!.GetValue<string>().Should().Be("testuser");
        var password = user["body"]!["password"]!;
        password["meta"]!["href"]!.GetValue<string>().Should().Be("/api/configuration/passwords/" + password["key"]!.GetValue<string>());
        user["body"]!["password_created"]!.GetValue<long>().Should().BeGreaterThan(1_476_796_261);
        JsonNode.DeepEquals(user["meta"], JsonNode.Parse($$"""
            {"first": "/api/configuration/aaa/local_database/users/{{first}}", "href": "/api/configuration/aaa/local_database/users/{{key}}",
             "last": "/api/configuration/aaa/local_database/users/{{key}}", "next": null, "parent": "/api/configuration/aaa/local_database/users",
             "previous": "/api/configuration/aaa/local_database/users/{{first}}", "transaction": "/api/transaction"}
            """)).Should().BeTrue(user["meta"]!.ToJsonString());
        user.AsObject().Select(p => p.Key).Should().Equal("body", "key", "meta");
    }

    [Fact]
    public async Task Group_HasTheSeedShape_MembersAreUserKeys_AndDeleteAnswersOnlyMeta()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        await session.OpenAsync();
        var alice = await session.CreateUserAsync("alice");
        var created = await session.PostAsync("api/configuration/aaa/local_database/groups", new JsonObject { ["name"] = "new-usergroup", ["members"] = new JsonArray(alice) });
        created.Status.Should().Be(HttpStatusCode.Created);
        var key = created.Body!["key"]!.GetValue<string>();

        var (_, group) = await session.GetAsync($"api/configuration/aaa/local_database/groups/{key}");
        group!["body"]!.ToJsonString().Should().Be($$"""{"members":["{{alice}}"],"name":"new-usergroup"}""");
        group["meta"]!["parent"]!.GetValue<string>().Should().Be("/api/configuration/aaa/local_database/groups");

        var deleted = await session.DeleteAsync($"api/configuration/aaa/local_database/groups/{key}");
        var expected = JsonNode.Parse(SeedSamples.DeleteGroupAnswer.Replace("b080b1ba546232548bb1a9", key, StringComparison.Ordinal));
        JsonNode.DeepEquals(deleted.Body, expected).Should().BeTrue(deleted.Body!.ToJsonString());
    }

    [Fact]
    public async Task NewAppliance_HasTheAclGroupsWithoutMembers_AndTheAdminUser()
    {
        using var session = await SpsSession.LogOnAsync(_sim);

        (await session.NamesAsync("users")).Should().Equal("admin");
        var groups = await session.NamesAsync("groups");
        groups.Should().HaveCount(24).And.Contain(["basic-view", "http-write", "indexer-write"]);
    }
}
