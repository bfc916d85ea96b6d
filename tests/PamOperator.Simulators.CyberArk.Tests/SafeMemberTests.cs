using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Tests;

public class SafeMemberTests
{
    [Fact]
    public async Task Safes_Create201_Duplicate409_Update_AndDeleteRefusedWhileAccountsRemain()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();

        var created = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Ops", ["numberOfVersionsRetention"] = 5 }, token);
        var duplicate = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "ops" }, token);
        var badName = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "a.b" }, token);
        var updated = await pvwa.SendAsync(HttpMethod.Put, "PasswordVault/API/Safes/Ops/", new JsonObject { ["safeName"] = "Ops", ["description"] = "changed" }, token);
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Accounts", new JsonObject { ["safeName"] = "Ops", ["platformId"] = "UnixSSH", ["userName"] = "u" }, token);
        var blocked = await pvwa.SendAsync(HttpMethod.Delete, "PasswordVault/API/Safes/Ops/", null, token);

        created.Status.Should().Be(HttpStatusCode.Created);
        created.Json!["numberOfVersionsRetention"]!.GetValue<int>().Should().Be(5);
        created.Json["numberOfDaysRetention"].Should().BeNull();
        created.Json["creator"]!["name"]!.GetValue<string>().Should().Be("Administrator");
        duplicate.Status.Should().Be(HttpStatusCode.Conflict);
        badName.Status.Should().Be(HttpStatusCode.BadRequest);
        updated.Json!["description"]!.GetValue<string>().Should().Be("changed");
        blocked.Status.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Members_CarryThePermissionsObject_AndExpiry_AndUpdateReplacesThem()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Ops" }, token);

        var added = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes/Ops/Members/", new JsonObject
        {
            ["memberName"] = "alice", ["searchIn"] = "Vault", ["membershipExpirationDate"] = 4102444800,
            ["permissions"] = new JsonObject { ["useAccounts"] = true, ["listAccounts"] = true, ["requestsAuthorizationLevel1"] = true },
        }, token);
        var unknownUser = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes/Ops/Members/", new JsonObject { ["memberName"] = "nobody" }, token);
        var badPermission = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes/Ops/Members/", new JsonObject
        {
            ["memberName"] = "bob", ["permissions"] = new JsonObject { ["fly"] = true },
        }, token);
        var updated = await pvwa.SendAsync(HttpMethod.Put, "PasswordVault/API/Safes/Ops/Members/alice/", new JsonObject
        {
            ["membershipExpirationDate"] = null, ["permissions"] = new JsonObject { ["useAccounts"] = false },
        }, token);
        var listed = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes/Ops/Members", null, token);

        added.Status.Should().Be(HttpStatusCode.Created);
        added.Json!["permissions"]!.AsObject().Should().HaveCount(22);
        added.Json["permissions"]!["requestsAuthorizationLevel1"]!.GetValue<bool>().Should().BeTrue();
        added.Json["membershipExpirationDate"]!.GetValue<long>().Should().Be(4102444800);
        added.Json["memberType"]!.GetValue<string>().Should().Be("User");
        unknownUser.Status.Should().Be(HttpStatusCode.NotFound);
        badPermission.Status.Should().Be(HttpStatusCode.BadRequest);
        updated.Json!["membershipExpirationDate"].Should().BeNull();
        updated.Json["permissions"]!["useAccounts"]!.GetValue<bool>().Should().BeFalse();
        updated.Json["permissions"]!["listAccounts"]!.GetValue<bool>().Should().BeTrue();
        listed.Json!["count"]!.GetValue<int>().Should().Be(1);
        (await pvwa.SendAsync(HttpMethod.Delete, "PasswordVault/API/Safes/Ops/Members/alice/", null, token)).Status.Should().Be(HttpStatusCode.NoContent);
    }
}
