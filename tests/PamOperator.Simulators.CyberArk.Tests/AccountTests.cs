using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Tests;

public class AccountTests
{
    private const string Canary = "CANARY-acct-secret-5f1e";

    [Fact]
    public async Task Create_Answers201WithTheAccountAndItsId_AndTheSecretIsNeverReturned()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Linux" }, token);

        var created = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Accounts", new JsonObject
        {
            ["name"] = "root-db1", ["address"] = "db1.example.test", ["userName"] = "root", ["platformId"] = "UnixSSH",
            ["safeName"] = "Linux", ["secretType"] = "password", ["secret"] = Canary,
            ["platformAccountProperties"] = new JsonObject { ["Port"] = "2222" },
            ["secretManagement"] = new JsonObject { ["automaticManagementEnabled"] = false, ["manualManagementReason"] = "lab" },
        }, token);
        var listed = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Accounts", null, token);
        var one = await pvwa.SendAsync(HttpMethod.Get, $"PasswordVault/API/Accounts/{created.Json!["id"]}", null, token);

        created.Status.Should().Be(HttpStatusCode.Created);
        created.Json!["id"]!.GetValue<string>().Should().MatchRegex("^[0-9]+_[0-9]+$", "ids are safeNumber_objectNumber");
        created.Json["platformAccountProperties"]!["Port"]!.GetValue<string>().Should().Be("2222");
        created.Json["secretManagement"]!["manualManagementReason"]!.GetValue<string>().Should().Be("lab");
        foreach (var text in new[] { created.Text, listed.Text, one.Text })
        {
            text.Should().NotContain(Canary).And.NotContain("\"secret\"").And.NotContain("_secret");
        }
    }

    [Fact]
    public async Task List_FiltersBySafe_AndEveryKeywordOfSearchMustMatchUserNameAddressPlatformOrName()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        foreach (var safe in new[] { "A", "B" })
        {
            await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = safe }, token);
        }

        await Add(pvwa, token, "A", "root", "web1.example.test", "UnixSSH");
        await Add(pvwa, token, "A", "oracle", "web1.example.test", "Oracle");
        await Add(pvwa, token, "B", "root", "db1.example.test", "UnixSSH");

        (await Names(pvwa, token, "filter=safeName%20eq%20A")).Should().HaveCount(2);
        (await Names(pvwa, token, "filter=safeName%20eq%20A&search=root%20web1")).Should().ContainSingle();
        (await Names(pvwa, token, "search=root%20unixssh")).Should().HaveCount(2, "keywords match across userName, address and platformId");
        (await Names(pvwa, token, "search=root%20oracle")).Should().BeEmpty("every keyword must match");
        (await Names(pvwa, token, "search=db1&searchType=startswith")).Should().ContainSingle();
        (await Names(pvwa, token, "search=example&searchType=startswith")).Should().BeEmpty();
    }

    [Fact]
    public async Task JsonPatch_UpdatesOneOrSeveralMembers_AnswersTheAccount_AndIsAllOrNothing()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "A" }, token);
        var id = (await Add(pvwa, token, "A", "root", "h1", "UnixSSH"))["id"]!.GetValue<string>();

        var patched = await pvwa.SendAsync(HttpMethod.Patch, $"PasswordVault/API/Accounts/{id}", new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/address", ["value"] = "h2" },
            new JsonObject { ["op"] = "add", ["path"] = "/platformAccountProperties/Port", ["value"] = "22" },
            new JsonObject { ["op"] = "replace", ["path"] = "/secretManagement", ["value"] = new JsonObject { ["automaticManagementEnabled"] = false } }), token);
        var refused = await pvwa.SendAsync(HttpMethod.Patch, $"PasswordVault/API/Accounts/{id}", new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/address", ["value"] = "h3" },
            new JsonObject { ["op"] = "replace", ["path"] = "/safeName", ["value"] = "B" }), token);
        var after = await pvwa.SendAsync(HttpMethod.Get, $"PasswordVault/API/Accounts/{id}", null, token);

        patched.Status.Should().Be(HttpStatusCode.OK);
        patched.Json!["address"]!.GetValue<string>().Should().Be("h2");
        patched.Json["platformAccountProperties"]!["Port"]!.GetValue<string>().Should().Be("22");
        patched.Json["secretManagement"]!["automaticManagementEnabled"]!.GetValue<bool>().Should().BeFalse();
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        after.Json!["address"]!.GetValue<string>().Should().Be("h2", "a refused patch changes nothing");
    }

    [Fact]
    public async Task Delete_RemovesTheAccount_ThenGetIs404()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "A" }, token);
        var id = (await Add(pvwa, token, "A", "root", "h1", "UnixSSH"))["id"]!.GetValue<string>();

        (await pvwa.SendAsync(HttpMethod.Delete, $"PasswordVault/API/Accounts/{id}", null, token)).Status.Should().Be(HttpStatusCode.NoContent);
        (await pvwa.SendAsync(HttpMethod.Get, $"PasswordVault/API/Accounts/{id}", null, token)).Status.Should().Be(HttpStatusCode.NotFound);
        (await pvwa.SendAsync(HttpMethod.Delete, $"PasswordVault/API/Accounts/{id}", null, token)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Paging_HasTheDocumentedDefaultsAndMaximum_AndNextLinkReachesEveryAccount()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Bulk" }, token);
        (await pvwa.AdminAsync(HttpMethod.Post, "_sim/bulk", new JsonObject { ["safeName"] = "Bulk", ["count"] = 1234 })).Status.Should().Be(HttpStatusCode.OK);

        var first = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Accounts", null, token);
        var tooMany = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Accounts?limit=1001", null, token);
        var names = new List<string>();
        var link = "API/Accounts?limit=1000&filter=safeName%20eq%20Bulk";
        for (var pages = 0; link is not null && pages < 10; pages++)
        {
            var page = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/" + link, null, token);
            page.Json!["count"]!.GetValue<int>().Should().Be(1234);
            names.AddRange(page.Json["value"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
            link = page.Json["nextLink"]?.GetValue<string>();
        }

        first.Json!["value"]!.AsArray().Should().HaveCount(50, "the documented default limit of Get Accounts is 50");
        first.Json["nextLink"]!.GetValue<string>().Should().StartWith("api/Accounts?offset=50");
        tooMany.Status.Should().Be(HttpStatusCode.BadRequest, "1000 is the documented maximum");
        names.Should().HaveCount(1234).And.OnlyHaveUniqueItems();
        (await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes", null, token)).Json!["count"]!.GetValue<int>().Should().Be(1);
    }

    private static async Task<JsonNode> Add(Pvwa pvwa, string token, string safe, string user, string address, string platform)
    {
        var answer = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Accounts", new JsonObject
        {
            ["safeName"] = safe, ["userName"] = user, ["address"] = address, ["platformId"] = platform,
        }, token);
        answer.Status.Should().Be(HttpStatusCode.Created, answer.Text);
        return answer.Json!;
    }

    private static async Task<List<string>> Names(Pvwa pvwa, string token, string query) =>
        [.. (await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Accounts?" + query, null, token)).Json!["value"]!.AsArray().Select(a => a!["name"]!.GetValue<string>())];
}
