using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Tests;

public class AccessRequestTests
{
    /// <summary>Seed 003's result parameters (the ones with a JSON name; "Ticket ID"/"Ticketing System" are TicketID/TicketingSystem).</summary>
    private static readonly string[] SeedResult =
    [
        "RequestID", "SafeName", "RequestorUserName", "RequestorReason", "TicketID", "TicketingSystem", "Emergency", "RefNo",
        "PSMRemoteMachine", "UserReason", "CreationDate", "Operation", "ExpirationDate", "OperationType", "AccessType",
        "ConfirmationsLeft", "AccessFrom", "AccessTo", "Status", "StatusTitle", "InvalidRequestReason", "CurrentConfirmationLevel",
        "RequiredConfirmersCountLevel2", "TicketingSystemProperties", "AdditionalInfo", "AccountDetails", "Confirmers",
    ];

    [Fact]
    public async Task Create_TakesEverySeedBodyParameter_AndAnswersTheSeedsResultObject()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var (token, accountId) = await SetUpAsync(pvwa, level2: false);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var created = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/MyRequests", new JsonObject
        {
            ["AccountId"] = accountId, ["Reason"] = "patching", ["TicketingSystemName"] = "ServiceNow", ["TicketID"] = "CHG0042",
            ["MultipleAccess"] = true, ["FromDate"] = now + 60, ["ToDate"] = now + 3600,
            ["AdditionalInfo"] = new JsonObject { ["Environment"] = "prod" }, ["UseConnect"] = true, ["ConnectionComponent"] = "PSM-SSH",
            ["ConnectionParams"] = new JsonObject { ["AllowMappingLocalDrives"] = new JsonObject { ["value"] = "No", ["ShouldSave"] = false } },
        }, token);

        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        var r = created.Json!.AsObject();
        r.Select(p => p.Key).Should().Contain(SeedResult);
        r["RequestID"]!.GetValue<string>().Should().MatchRegex("^Ops_[0-9]+$", "the id is the safe name and an internal number");
        r["Status"]!.GetValue<int>().Should().Be(1);
        r["StatusTitle"]!.GetValue<string>().Should().Be("Waiting");
        r["ConfirmationsLeft"]!.GetValue<int>().Should().Be(1);
        r["AccessType"]!.GetValue<string>().Should().Be("Multiple");
        r["AccessFrom"]!.GetValue<long>().Should().Be(now + 60);
        r["AccessTo"]!.GetValue<long>().Should().Be(now + 3600);
        r["ExpirationDate"]!.GetValue<long>().Should().Be(now + 3600);
        r["UserReason"]!.GetValue<string>().Should().Be("patching");
        r["TicketingSystemProperties"]!["Name"]!.GetValue<string>().Should().Be("ServiceNow");
        r["TicketingSystemProperties"]!["Number"]!.GetValue<string>().Should().Be("CHG0042");
        r["ConnectionComponent"]!.GetValue<string>().Should().Be("PSM-SSH");
        r["ConnectionParams"]!["AllowMappingLocalDrives"]!["value"]!.GetValue<string>().Should().Be("No");
        r["AccountDetails"]!["AccountID"]!.GetValue<string>().Should().Be(accountId);
        r["AccountDetails"]!["Properties"]!["Name"]!.GetValue<string>().Should().Be("root-db1");
        r["AccountDetails"]!["Properties"]!["Safe"]!.GetValue<string>().Should().Be("Ops");
        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/MyRequests", new JsonObject { ["Reason"] = "x" }, token)).Status.Should().Be(HttpStatusCode.BadRequest);
        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/MyRequests", new JsonObject { ["AccountId"] = accountId, ["ToDate"] = now - 10 }, token))
            .Status.Should().Be(HttpStatusCode.BadRequest, "a request ending in the past is refused");
    }

    [Fact]
    public async Task ConfirmationLevels_MoveStatusAndConfirmationsLeft_ThroughIncomingRequests()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var (token, accountId) = await SetUpAsync(pvwa, level2: true);
        var id = await RequestAsync(pvwa, token, accountId);
        var alice = await pvwa.LogonAsync("alice", "alice-pw");
        var bob = await pvwa.LogonAsync("bob", "bob-pw");

        var incoming = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/IncomingRequests", null, alice);
        var before = await My(pvwa, token, id);
        var byBobTooEarly = await pvwa.SendAsync(HttpMethod.Post, $"PasswordVault/API/IncomingRequests/{id}/Confirm", new JsonObject { ["Reason"] = "ok" }, bob);
        var byAlice = await pvwa.SendAsync(HttpMethod.Post, $"PasswordVault/API/IncomingRequests/{id}/Confirm", new JsonObject { ["Reason"] = "ok" }, alice);
        var middle = await My(pvwa, token, id);
        var byBob = await pvwa.SendAsync(HttpMethod.Post, $"PasswordVault/API/IncomingRequests/{id}/Confirm", new JsonObject { ["Reason"] = "fine" }, bob);
        var after = await My(pvwa, token, id);
        var byRequester = await pvwa.SendAsync(HttpMethod.Post, $"PasswordVault/API/IncomingRequests/{id}/Confirm", null, token);

        incoming.Json!["IncomingRequests"]!.AsArray().Select(r => r!["RequestID"]!.GetValue<string>()).Should().Equal(id);
        (before["Status"]!.GetValue<int>(), before["ConfirmationsLeft"]!.GetValue<int>(), before["CurrentConfirmationLevel"]!.GetValue<int>(), before["RequiredConfirmersCountLevel2"]!.GetValue<int>())
            .Should().Be((1, 2, 1, 1));
        byBobTooEarly.Status.Should().Be(HttpStatusCode.Forbidden, "bob confirms at level 2 only");
        byAlice.Status.Should().Be(HttpStatusCode.OK);
        (middle["Status"]!.GetValue<int>(), middle["ConfirmationsLeft"]!.GetValue<int>(), middle["CurrentConfirmationLevel"]!.GetValue<int>()).Should().Be((1, 1, 2));
        byBob.Status.Should().Be(HttpStatusCode.OK);
        (after["Status"]!.GetValue<int>(), after["StatusTitle"]!.GetValue<string>(), after["ConfirmationsLeft"]!.GetValue<int>()).Should().Be((2, "Confirmed", 0));
        after["Confirmers"]!.AsArray().Select(c => (c!["Name"]!.GetValue<string>(), c["Action"]!.GetValue<int>())).Should().Equal(("alice", 1), ("bob", 1));
        byRequester.Status.Should().Be(HttpStatusCode.NotFound, "nobody confirms their own request");
    }

    [Fact]
    public async Task Reject_EndsTheRequest_AndAnswerAfterwardsIsRefused()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var (token, accountId) = await SetUpAsync(pvwa, level2: false);
        var id = await RequestAsync(pvwa, token, accountId);
        var alice = await pvwa.LogonAsync("alice", "alice-pw");

        (await pvwa.SendAsync(HttpMethod.Post, $"PasswordVault/API/IncomingRequests/{id}/Reject", new JsonObject { ["Reason"] = "no ticket" }, alice)).Status.Should().Be(HttpStatusCode.OK);
        var after = await My(pvwa, token, id);
        var again = await pvwa.SendAsync(HttpMethod.Post, $"PasswordVault/API/IncomingRequests/{id}/Confirm", null, alice);

        (after["Status"]!.GetValue<int>(), after["StatusTitle"]!.GetValue<string>()).Should().Be((3, "Rejected"));
        after["Confirmers"]![0]!["Reason"]!.GetValue<string>().Should().Be("no ticket");
        again.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_CancelsTheRequest_AndExpiry_ShowsOnlyWithExpiredTrue()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var (token, accountId) = await SetUpAsync(pvwa, level2: false);
        var cancelled = await RequestAsync(pvwa, token, accountId);
        var expiring = await RequestAsync(pvwa, token, accountId);

        (await pvwa.SendAsync(HttpMethod.Delete, $"PasswordVault/API/MyRequests/{cancelled}/", null, token)).Status.Should().Be(HttpStatusCode.OK);
        (await pvwa.SendAsync(HttpMethod.Get, $"PasswordVault/API/MyRequests/{cancelled}/", null, token)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Ids(pvwa, token, "")).Should().Equal(expiring);

        (await pvwa.AdminAsync(HttpMethod.Post, "_sim/clock", new JsonObject { ["advanceSeconds"] = 7200 })).Status.Should().Be(HttpStatusCode.OK);

        (await Ids(pvwa, token, "")).Should().BeEmpty("expired requests are listed only with expired=true");
        (await Ids(pvwa, token, "?expired=true")).Should().Equal(expiring);
        var expired = await My(pvwa, token, expiring);
        (expired["Status"]!.GetValue<int>(), expired["StatusTitle"]!.GetValue<string>(), expired["ConfirmationsLeft"]!.GetValue<int>()).Should().Be((5, "Expired", 0));
    }

    private static async Task<(string Token, string AccountId)> SetUpAsync(Pvwa pvwa, bool level2)
    {
        var token = await pvwa.LogonAsync();
        await pvwa.AdminAsync(HttpMethod.Post, "_sim/users", new JsonObject { ["name"] = "alice", ["password"] = "alice-pw" });
        await pvwa.AdminAsync(HttpMethod.Post, "_sim/users", new JsonObject { ["name"] = "bob", ["password"] = "bob-pw" });
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Ops" }, token);
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes/Ops/Members/", new JsonObject
        {
            ["memberName"] = "alice", ["permissions"] = new JsonObject { ["requestsAuthorizationLevel1"] = true },
        }, token);
        if (level2)
        {
            await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes/Ops/Members/", new JsonObject
            {
                ["memberName"] = "bob", ["permissions"] = new JsonObject { ["requestsAuthorizationLevel2"] = true },
            }, token);
        }

        var account = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Accounts", new JsonObject
        {
            ["name"] = "root-db1", ["safeName"] = "Ops", ["platformId"] = "UnixSSH", ["userName"] = "root", ["address"] = "db1",
        }, token);
        return (token, account.Json!["id"]!.GetValue<string>());
    }

    private static async Task<string> RequestAsync(Pvwa pvwa, string token, string accountId)
    {
        var created = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/MyRequests", new JsonObject
        {
            ["AccountId"] = accountId, ["Reason"] = "r", ["ToDate"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600,
        }, token);
        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        return created.Json!["RequestID"]!.GetValue<string>();
    }

    private static async Task<JsonNode> My(Pvwa pvwa, string token, string id) =>
        (await pvwa.SendAsync(HttpMethod.Get, $"PasswordVault/API/MyRequests/{id}/", null, token)).Json!;

    private static async Task<List<string>> Ids(Pvwa pvwa, string token, string query) =>
        [.. (await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/MyRequests" + query, null, token)).Json!["Requests"]!.AsArray().Select(r => r!["RequestID"]!.GetValue<string>())];
}
