using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Simulators.Common;
using PamOperator.Simulators.PrivX.Tests.Support;
using Xunit;

namespace PamOperator.Simulators.PrivX.Tests;

/// <summary>Seed 004's writes: access roles, tags, trail download sessions; faults and persistence.</summary>
public class ConnectionWriteTests
{
    private const string Connections = "connection-manager/api/v1/connections";
    private const string Alice = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1001";
    private const string Staging = "6f1c2a1e-0b7d-4c55-9b0e-3a8f5d2c1004";

    [Fact]
    public async Task AccessRoles_GrantGetRevoke_LikeTheSeedSamples()
    {
        await using var s = await PrivXSession.StartAsync();
        var auditors = await RoleIdAsync(s, "auditors");

        var grant = await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{auditors}");
        var (status, roles) = await s.GetAsync($"{Connections}/{Alice}/access_roles");
        var again = await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{auditors}");
        var (_, same) = await s.GetAsync($"{Connections}/{Alice}/access_roles");
        var revoke = await s.SendAsync(HttpMethod.Delete, $"{Connections}/{Alice}/access_roles/{auditors}");
        var (_, after) = await s.GetAsync($"{Connections}/{Alice}/access_roles");
        var revokeAgain = await s.SendAsync(HttpMethod.Delete, $"{Connections}/{Alice}/access_roles/{auditors}");

        grant.Should().Be((200, (JsonNode?)null), "\"Permission successfully granted\": empty response");
        status.Should().Be(200);
        var granted = roles!.AsArray().Single()!;
        PrivXSession.Shape(granted).Should().BeEquivalentTo("added", "id", "name");
        ((string)granted["name"]!).Should().Be("auditors");
        again.Status.Should().Be(200);
        ((string)same![0]!["added"]!).Should().Be((string)granted["added"]!, "granting again keeps the grant");
        revoke.Should().Be((200, (JsonNode?)null));
        after!.AsArray().Should().BeEmpty();
        revokeAgain.Status.Should().Be(200);
    }

    [Fact]
    public async Task AccessRoles_UnknownRoleOrConnection_Are404_MalformedIds400()
    {
        await using var s = await PrivXSession.StartAsync();
        var auditors = await RoleIdAsync(s, "auditors");

        (await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{Guid.NewGuid()}")).Status.Should().Be(404);
        (await s.SendAsync(HttpMethod.Post, $"{Connections}/{Guid.NewGuid()}/access_roles/{auditors}")).Status.Should().Be(404);
        (await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/auditors")).Status.Should().Be(400);
        (await s.GetAsync($"{Connections}/{Guid.NewGuid()}/access_roles")).Status.Should().Be(404);
    }

    [Fact]
    public async Task RevokeEverywhere_RemovesTheRoleFromEveryConnection()
    {
        await using var s = await PrivXSession.StartAsync();
        var admins = await RoleIdAsync(s, "example-admins");
        await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{admins}");

        var revoke = await s.SendAsync(HttpMethod.Delete, $"{Connections}/access_roles/{admins}");
        var (_, left) = await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject { ["has_access_roles"] = true });

        revoke.Should().Be((200, (JsonNode?)null));
        ((int)left!["count"]!).Should().Be(0, "the fixture grant on the staging connection went too");
    }

    [Fact]
    public async Task Tags_UpdateAndListWithQuery()
    {
        await using var s = await PrivXSession.StartAsync();

        var put = await s.SendAsync(HttpMethod.Put, $"{Connections}/{Alice}/tags", new JsonArray("pci", "prod-db", "pci"));
        await s.SendAsync(HttpMethod.Put, $"{Connections}/{Staging}/tags", new JsonArray("staging", "PCI-scope"));
        var (_, connection) = await s.GetAsync($"{Connections}/{Alice}");
        var (status, all) = await s.GetAsync($"{Connections}/tags");
        var (_, query) = await s.GetAsync($"{Connections}/tags?query=pc&sortdir=DESC&limit=1&offset=0");
        var bad = await s.SendAsync(HttpMethod.Put, $"{Connections}/{Alice}/tags", new JsonObject { ["tags"] = "x" });

        put.Should().Be((200, (JsonNode?)null), "\"Successful request\": empty response");
        connection!["tags"]!.AsArray().Select(t => (string)t!).Should().Equal("pci", "prod-db");
        status.Should().Be(200);
        all!["items"]!.AsArray().Select(t => (string)t!).Should().Equal("PCI-scope", "pci", "prod-db", "staging");
        ((int)query!["count"]!).Should().Be(2);
        query["items"]!.AsArray().Select(t => (string)t!).Should().Equal("pci");
        bad.Status.Should().Be(400);
    }

    [Fact]
    public async Task TrailDownloads_SessionIdsForAFileAndALog_ThenDownload()
    {
        await using var s = await PrivXSession.StartAsync();
        var (_, connection) = await s.GetAsync($"{Connections}/{Alice}");
        var channel = connection!["trail"]!["channels"]![0]!;
        var file = (string)channel["transferred_files"]![0]!["id"]!;

        var (fileStatus, fileSession) = await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/channel/0/file/{file}");
        using var download = await s.Http.GetAsync($"{Connections}/{Alice}/channel/0/file/{file}/{fileSession!["session_id"]}");
        var (logStatus, logSession) = await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/channel/0/log");
        var logPath = $"{Connections}/{Alice}/channel/0/log/{logSession!["session_id"]}";
        var hex = await s.Http.GetStringAsync(logPath);
        var jsonl = await s.Http.GetStringAsync(logPath + "?format=jsonl&filter=stdout");
        using var badFilter = await s.Http.GetAsync(logPath + "?filter=keystrokes");
        using var wrongSession = await s.Http.GetAsync($"{Connections}/{Alice}/channel/0/log/{Guid.NewGuid()}");
        var unknownChannel = await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/channel/9/log");

        fileStatus.Should().Be(200);
        PrivXSession.Shape(fileSession).Should().BeEquivalentTo("session_id");
        Guid.TryParse((string)fileSession["session_id"]!, out _).Should().BeTrue();
        ((int)download.StatusCode).Should().Be(200);
        logStatus.Should().Be(200);
        hex.Should().StartWith("stdin ").And.Contain("stdout ");
        jsonl.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("\"type\":\"stdout\"");
        ((int)badFilter.StatusCode).Should().Be(400);
        ((int)wrongSession.StatusCode).Should().Be(404);
        unknownChannel.Status.Should().Be(404);
    }

    [Fact]
    public async Task FailNthWrite_CountsGrantsAndTagsButNotReadsOrSearches()
    {
        await using var s = await PrivXSession.StartAsync();
        var auditors = await RoleIdAsync(s, "auditors");
        s.Simulator.Faults.Apply(new FaultSettings { FailNthWrite = 2 });

        await s.SendAsync(HttpMethod.Post, $"{Connections}/search", new JsonObject());
        var first = await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{auditors}");
        var second = await s.SendAsync(HttpMethod.Put, $"{Connections}/{Alice}/tags", new JsonArray("x"));
        var (_, connection) = await s.GetAsync($"{Connections}/{Alice}");

        first.Status.Should().Be(200);
        second.Status.Should().Be(500);
        ((string)second.Body!["error_code"]!).Should().Be("GENERAL_ERROR");
        connection!["tags"]!.AsArray().Select(t => (string)t!).Should().Equal(["legacy"], "a failed write changes nothing");
    }

    [Fact]
    public async Task Database_SurvivesRestart_AndAdminConnectionsAreAddedInBulk()
    {
        var db = Path.Combine(Path.GetTempPath(), $"privx-{Guid.NewGuid():N}.db");
        try
        {
            string auditors;
            await using (var s = await PrivXSession.StartAsync(new PrivXSimulatorOptions { DatabasePath = db }))
            {
                auditors = await RoleIdAsync(s, "auditors");
                await s.SendAsync(HttpMethod.Post, $"{Connections}/{Alice}/access_roles/{auditors}");
                var added = await s.AdminAsync("_sim/connections", new JsonObject
                {
                    ["connections"] = new JsonArray(new JsonObject { ["target_host_data"] = new JsonObject { ["common_name"] = "db-prod-02" }, ["tags"] = new JsonArray("new") }),
                    ["bulk"] = new JsonObject { ["count"] = 10_000, ["template"] = new JsonObject { ["target_host_data"] = new JsonObject { ["common_name"] = "web-prod-01" } } },
                });
                ((int)added["count"]!).Should().Be(10_001);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(db).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await using var again = await PrivXSession.StartAsync(new PrivXSimulatorOptions { DatabasePath = db });
            var (_, roles) = await again.GetAsync($"{Connections}/{Alice}/access_roles");
            var (_, page) = await again.GetAsync($"{Connections}?limit=1000&offset=9000");
            var (_, web) = await again.SendAsync(HttpMethod.Post, $"{Connections}/search?limit=1", new JsonObject { ["target_host_address"] = new JsonArray("10.1.0.21") });

            roles!.AsArray().Select(r => (string)r!["id"]!).Should().Equal(auditors);
            ((int)page!["count"]!).Should().Be(10_006);
            page["items"]!.AsArray().Should().HaveCount(1000);
            ((int)web!["count"]!).Should().Be(10_001, "the fixture and the 10,000 bulk copies");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(db)!, Path.GetFileName(db) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task RolesAndHosts_ListGetSearch()
    {
        await using var s = await PrivXSession.StartAsync();

        var (status, roles) = await s.GetAsync("role-store/api/v1/roles?sortkey=name");
        var id = (string)roles!["items"]![0]!["id"]!;
        var one = await s.GetAsync($"role-store/api/v1/roles/{id}");
        var (_, search) = await s.SendAsync(HttpMethod.Post, "role-store/api/v1/roles/search", new JsonObject { ["keywords"] = "ADMIN" });
        var (_, hosts) = await s.GetAsync("host-store/api/v1/hosts?limit=2&sortdir=desc&sortkey=common_name");
        var (_, hostSearch) = await s.SendAsync(HttpMethod.Post, "host-store/api/v1/hosts/search", new JsonObject { ["keywords"] = "prod" });
        var missing = await s.GetAsync($"host-store/api/v1/hosts/{Guid.NewGuid()}");

        status.Should().Be(200);
        roles["items"]!.AsArray().Select(r => (string)r!["name"]!).Should().Equal("auditors", "db-admins", "example-admins", "pci-reviewers", "privx-admin");
        ((string)one.Body!["name"]!).Should().Be("auditors");
        search!["items"]!.AsArray().Select(r => (string)r!["name"]!).Should().BeEquivalentTo("db-admins", "example-admins", "privx-admin");
        ((int)hosts!["count"]!).Should().Be(4);
        hosts["items"]!.AsArray().Select(h => (string)h!["common_name"]!).Should().Equal("web-prod-01", "db-staging-01");
        ((int)hostSearch!["count"]!).Should().Be(3);
        missing.Status.Should().Be(404);
    }

    private static async Task<string> RoleIdAsync(PrivXSession s, string name)
    {
        var (_, roles) = await s.SendAsync(HttpMethod.Post, "role-store/api/v1/roles/search", new JsonObject { ["name"] = name });
        return (string)roles!["items"]![0]!["id"]!;
    }
}
