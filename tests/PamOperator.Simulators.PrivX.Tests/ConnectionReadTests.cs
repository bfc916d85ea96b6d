using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Simulators.PrivX.Tests.Support;
using Xunit;

namespace PamOperator.Simulators.PrivX.Tests;

/// <summary>Seed 004's reads: list, get, search, against the seed's samples.</summary>
public class ConnectionReadTests
{
    private const string Connections = "connection-manager/api/v1/connections";
    private const string Alice = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1001";

    [Fact]
    public async Task List_Defaults_CountAndItemsShapedLikeTheSeedSample()
    {
        await using var s = await PrivXSession.StartAsync();
        await s.AdminAsync("_sim/connections", new JsonObject { ["bulk"] = new JsonObject { ["count"] = 60 } });

        var (status, body) = await s.GetAsync(Connections);

        status.Should().Be(200);
        ((int)body!["count"]!).Should().Be(65, "5 fixtures and 60 added");
        body["items"]!.AsArray().Should().HaveCount(50, "the seed's default limit is 50");
        var ids = body["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
        ids.Should().BeInAscendingOrder(StringComparer.Ordinal, "default sortkey id, sortdir ASC");
        var sample = PrivXSession.SeedSample();
        foreach (var item in body["items"]!.AsArray())
        {
            item!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(sample.Select(p => p.Key), "every attribute of the seed's sample, no other");
            PrivXSession.Shape(item).Should().BeSubsetOf(PrivXSession.Shape(sample), "nested objects as in the sample (empty lists have no items)");
        }
        PrivXSession.Shape(body).Should().Contain(["count", "items"]);
    }

    [Fact]
    public async Task List_OffsetLimitSortkeySortdir_PageInTheAskedOrder()
    {
        await using var s = await PrivXSession.StartAsync();

        var (_, page) = await s.GetAsync($"{Connections}?offset=1&limit=2&sortkey=connected&sortdir=desc&fuzzycount=true");
        var (_, all) = await s.GetAsync($"{Connections}?sortkey=connected&sortdir=DESC");

        ((int)page!["count"]!).Should().Be(5);
        var expected = all!["items"]!.AsArray().Skip(1).Take(2).Select(i => (string)i!["id"]!);
        page["items"]!.AsArray().Select(i => (string)i!["id"]!).Should().Equal(expected);
        all["items"]!.AsArray().Select(i => (string)i!["connected"]!).Should().BeInDescendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("sortdir=up", "sortdir")]
    [InlineData("sortkey=nonsense", "sortkey")]
    [InlineData("fuzzycount=maybe", "fuzzycount")]
    [InlineData("color=red", "color")]
    public async Task List_BadQuery_Is400NamingTheProperty(string query, string property)
    {
        await using var s = await PrivXSession.StartAsync();

        var (status, body) = await s.GetAsync($"{Connections}?{query}");

        status.Should().Be(400);
        ((string)body!["error_code"]!).Should().Be("INVALID_REQUEST_DATA");
        ((string)body["property"]!).Should().Be(property);
    }

    [Fact]
    public async Task Get_KnownUnknownAndMalformedIds()
    {
        await using var s = await PrivXSession.StartAsync();

        var (_, roles) = await s.SendAsync(HttpMethod.Post, "role-store/api/v1/roles/search", new JsonObject { ["name"] = "auditors" });
        await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{roles!["items"]![0]!["id"]}");
        var (status, body) = await s.GetAsync($"{Connections}/{Alice}");
        var missing = await s.GetAsync($"{Connections}/{Guid.NewGuid()}");
        var malformed = await s.GetAsync($"{Connections}/not-a-uuid");

        status.Should().Be(200);
        PrivXSession.Shape(body).Should().BeEquivalentTo(PrivXSession.Shape(PrivXSession.SeedSample()), "with every list filled, exactly the sample's shape");
        ((string)body!["target_host_data"]!["common_name"]!).Should().Be("db-prod-01");
        missing.Status.Should().Be(404);
        ((string)missing.Body!["error_code"]!).Should().Be("NOT_FOUND");
        malformed.Status.Should().Be(400);
    }

    /// <summary>Every criterion of the seed, each with the fixture connections it selects (suffixes of their ids).</summary>
    public static TheoryData<string, string[]> Criteria() => new()
    {
        { """{"keywords": "alice prod"}""", ["1001"] },
        { """{"keywords": "ALICE"}""", ["1001", "1004"] },
        { """{"id": ["6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1002"]}""", ["1002"] },
        { """{"proxy_id": ["00000000-0000-4000-8000-000000000000"]}""", [] },
        { """{"type": ["rdp"]}""", ["1005"] },
        { """{"authentication_method": ["PASSWORD"]}""", ["1005"] },
        { """{"user_display_name": ["bob@example.com", "carol@example.com"]}""", ["1002", "1003"] },
        { """{"target_host_address": ["10.1.0.11"]}""", ["1001"] },
        { """{"target_host_account": ["postgres"], "status": ["DISCONNECTED"]}""", ["1001", "1002", "1004"] },
        { """{"remote_address": ["192.0.2.1"]}""", ["1001"] },
        { """{"status": ["CONNECTED"]}""", ["1003"] },
        { """{"connected": {"start": "2026-11-22T00:00:00Z", "end": "2026-11-23T00:00:00Z"}}""", ["1003", "1004"] },
        { """{"disconnected": {"end": "2026-11-21T00:00:00Z"}}""", ["1001"] },
        { """{"last_activity": {"start": "2026-11-23T00:00:00Z"}}""", ["1003", "1005"] },
        { """{"force_disconnect": "2020-01-01T00:00:00Z"}""", [] },
        { """{"tags": ["legacy"]}""", ["1001"] },
        { """{"has_access_roles": true}""", ["1004"] },
        { """{"has_access_roles": false, "type": ["SSH"], "target_host_account": ["root"]}""", ["1003"] },
        { """{"mode": ["UI"]}""", [] },
        { """{}""", ["1001", "1002", "1003", "1004", "1005"] },
    };

    [Theory]
    [MemberData(nameof(Criteria))]
    public async Task Search_EachCriterion_SelectsTheMatchingConnections(string criteria, string[] expected)
    {
        await using var s = await PrivXSession.StartAsync();

        var (status, body) = await s.SendAsync(HttpMethod.Post, $"{Connections}/search?limit=100", JsonNode.Parse(criteria));

        status.Should().Be(200);
        body!["items"]!.AsArray().Select(i => ((string)i!["id"]!)[^4..]).Should().BeEquivalentTo(expected);
        ((int)body["count"]!).Should().Be(expected.Length);
    }

    [Fact]
    public async Task Search_ByRoleIds_UserRolesTargetHostRolesAndAccessRoles()
    {
        await using var s = await PrivXSession.StartAsync();
        var (_, roles) = await s.SendAsync(HttpMethod.Post, "role-store/api/v1/roles/search", new JsonObject { ["name"] = "example-admins" });
        var admins = (string)roles!["items"]![0]!["id"]!;

        var user = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject { ["user_roles"] = new JsonArray(admins) });
        var host = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject { ["target_host_roles"] = new JsonArray(admins) });
        var access = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject { ["access_roles"] = new JsonArray(admins) });
        var hosts = await s.GetAsync("host-store/api/v1/hosts?sortkey=common_name");
        var staging = (string)hosts.Body!["items"]!.AsArray().Single(h => (string)h!["common_name"]! == "db-staging-01")!["id"]!;
        var byHost = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject { ["target_host_id"] = new JsonArray(staging) });
        var userId = (string)(await s.GetAsync($"{Connections}/{Alice}")).Body!["user_data"]!["id"]!;
        var byUser = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject { ["user_id"] = new JsonArray(userId) });

        Suffixes(user.Body).Should().BeEquivalentTo("1003", "1005");
        Suffixes(host.Body).Should().BeEquivalentTo("1003", "1005");
        Suffixes(access.Body).Should().BeEquivalentTo("1004");
        Suffixes(byHost.Body).Should().BeEquivalentTo("1004", "1005");
        Suffixes(byUser.Body).Should().BeEquivalentTo("1001", "1004");
    }

    [Theory]
    [InlineData("""{"colour": ["red"]}""", "colour")]
    [InlineData("""{"type": "SSH"}""", "type")]
    [InlineData("""{"connected": {"start": "yesterday"}}""", "connected")]
    [InlineData("""{"has_access_roles": "yes"}""", "has_access_roles")]
    [InlineData("""[1, 2]""", "body")]
    public async Task Search_BadCriteria_Is400NamingTheProperty(string criteria, string property)
    {
        await using var s = await PrivXSession.StartAsync();

        var (status, body) = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", JsonNode.Parse(criteria));

        status.Should().Be(400);
        ((string)body!["property"]!).Should().Be(property);
    }

    private static IEnumerable<string> Suffixes(JsonNode? page) => page!["items"]!.AsArray().Select(i => ((string)i!["id"]!)[^4..]);
}
