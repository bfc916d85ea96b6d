using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Tests;

public class AuthAndUrlTests
{
    [Fact]
    public async Task Logon_AnswersABareJsonString_SentRawInAuthorization_AndLogoffInvalidatesIt()
    {
        await using var pvwa = await Pvwa.StartAsync();

        var logon = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Auth/CyberArk/Logon",
            new JsonObject { ["username"] = "Administrator", ["password"] = Pvwa.AdminPassword }, null);
        logon.Status.Should().Be(HttpStatusCode.OK);
        logon.Json!.GetValueKind().Should().Be(JsonValueKind.String, "PVWA v10+ answers the token itself, not an object");
        var token = logon.Json.GetValue<string>();

        (await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes", null, token)).Status.Should().Be(HttpStatusCode.OK);
        (await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes", null, "Bearer " + token)).Status.Should().Be(HttpStatusCode.Unauthorized, "the token is sent raw, without a scheme");
        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Auth/Logoff", null, token)).Status.Should().Be(HttpStatusCode.OK);

        var after = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes", null, token);
        after.Status.Should().Be(HttpStatusCode.Unauthorized);
        after.Json!["ErrorCode"]!.GetValue<string>().Should().Be("PASWS006E");
        after.Json["ErrorMessage"]!.GetValue<string>().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Logon_WithAWrongPassword_Is403_InPvwasErrorLayout_AndNeverEchoesThePassword()
    {
        await using var pvwa = await Pvwa.StartAsync();

        var answer = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Auth/CyberArk/Logon",
            new JsonObject { ["username"] = "Administrator", ["password"] = "canary-wrong-pw-7731" }, null);

        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        answer.Json!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["ErrorCode", "ErrorMessage"]);
        answer.Text.Should().NotContain("canary-wrong-pw-7731");
    }

    [Fact]
    public async Task PathsAndPropertyNames_AreMatchedIgnoringCase()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();

        var created = await pvwa.SendAsync(HttpMethod.Post, "passwordvault/api/SAFES", new JsonObject { ["SAFENAME"] = "CaseSafe", ["Description"] = "d" }, token);
        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        created.Json!["safeName"]!.GetValue<string>().Should().Be("CaseSafe");
        created.Json["description"]!.GetValue<string>().Should().Be("d");

        var listed = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/safes?SEARCH=case", null, token);
        listed.Json!["count"]!.GetValue<int>().Should().Be(1);
        (await pvwa.SendAsync(HttpMethod.Post, "PASSWORDVAULT/API/AUTH/CYBERARK/LOGON",
            new JsonObject { ["UserName"] = "administrator", ["PassWord"] = Pvwa.AdminPassword }, null)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AUrlWithADot_NeedsATrailingSlash_AndPlusAmpersandPercentAreRefusedInValues()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        await pvwa.AdminAsync(HttpMethod.Post, "_sim/users", new JsonObject { ["name"] = "user@cyber.com", ["password"] = "x" });
        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "DotSafe" }, token)).Status.Should().Be(HttpStatusCode.Created);
        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes/DotSafe/Members/", new JsonObject { ["memberName"] = "user@cyber.com" }, token))
            .Status.Should().Be(HttpStatusCode.Created);

        var withoutSlash = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes/DotSafe/Members/user@cyber.com", null, token);
        var withSlash = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes/DotSafe/Members/user@cyber.com/", null, token);
        var plus = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes/a+b/", null, token);
        var ampersand = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes/a%26b/", null, token);

        withoutSlash.Status.Should().Be(HttpStatusCode.NotFound);
        withoutSlash.Json!["ErrorMessage"]!.GetValue<string>().Should().Contain("add a / at its end");
        withSlash.Status.Should().Be(HttpStatusCode.OK);
        withSlash.Json!["memberName"]!.GetValue<string>().Should().Be("user@cyber.com");
        plus.Status.Should().Be(HttpStatusCode.BadRequest);
        ampersand.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownPaths_Are404_WrongMethods_405_BadJson_400_AllInPvwasLayout()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();

        var unknown = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Nothing", null, token);
        var method = await pvwa.SendAsync(HttpMethod.Put, "PasswordVault/API/Accounts", new JsonObject(), token);
        using var bad = new HttpRequestMessage(HttpMethod.Post, "PasswordVault/API/Safes") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        bad.Headers.TryAddWithoutValidation("Authorization", token);
        using var badAnswer = await pvwa.Http.SendAsync(bad);

        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        method.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        badAnswer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreach (var json in new[] { unknown.Json!, method.Json!, JsonNode.Parse(await badAnswer.Content.ReadAsStringAsync())! })
        {
            json["ErrorCode"]!.GetValue<string>().Should().MatchRegex("^PASWS[0-9]{3}E$");
        }
    }

    [Fact]
    public async Task AnInjectedWriteFailure_Is500_AndChangesNothing()
    {
        await using var pvwa = await Pvwa.StartAsync();
        var token = await pvwa.LogonAsync();
        pvwa.Simulator.SetFaults(new Common.FaultSettings { FailNthWrite = 2 });

        (await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "First" }, token)).Status.Should().Be(HttpStatusCode.Created);
        var failed = await pvwa.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Second" }, token);
        var list = await pvwa.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes", null, token);

        failed.Status.Should().Be(HttpStatusCode.InternalServerError);
        failed.Json!["ErrorCode"].Should().NotBeNull();
        list.Json!["value"]!.AsArray().Select(s => s!["safeName"]!.GetValue<string>()).Should().Equal("First");
    }

    [Fact]
    public async Task TheVault_SurvivesARestart_OnTheSameDatabase()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("cyberark-sim-").FullName, "vault.db");
        await using (var first = await Pvwa.StartAsync(new CyberArkSimulatorOptions { DatabasePath = db }))
        {
            var token = await first.LogonAsync();
            (await first.SendAsync(HttpMethod.Post, "PasswordVault/API/Safes", new JsonObject { ["safeName"] = "Kept" }, token)).Status.Should().Be(HttpStatusCode.Created);
            first.Simulator.AdvanceClock(TimeSpan.FromHours(1));
        }

        await using var second = await Pvwa.StartAsync(new CyberArkSimulatorOptions { DatabasePath = db });
        var again = await second.LogonAsync();
        var safes = await second.SendAsync(HttpMethod.Get, "PasswordVault/API/Safes", null, again);
        safes.Json!["value"]!.AsArray().Select(s => s!["safeName"]!.GetValue<string>()).Should().Equal("Kept");
        File.ReadAllText(db).Should().NotContain(Pvwa.AdminPassword, "passwords are stored as salted hashes only");
    }
}
