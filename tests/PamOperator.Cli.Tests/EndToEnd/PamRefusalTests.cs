using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// A write the PAM refuses for a reason no manifest can know (an object the plan references is deleted by someone
/// else while apply waits for "yes") is reported as the user wrote it: PAM405 at the refused object's manifest
/// (file:line:column), as Kind/name with the plan address, and with the PAM's message in manifest vocabulary: no wire
/// id, no wire attribute name. The same in <c>apply --output json</c>. Real HTTP against the Fudo and SPS simulators.
/// </summary>
public sealed class PamRefusalTests
{
    /// <summary>The Account document starts on line 7 (after the Safe's five lines and the separator).</summary>
    private const string FudoManifests = """
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: oob-safe
        spec: {}
        ---
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: oob-admin
        spec:
          type: regular
          server: oob-db
          method: password
          login: dbadmin
          secret:
            valueFrom:
              env: OOB_SECRET
        """;

    [Fact]
    public async Task Fudo_ServerDeletedBetweenPlanAndApply_PAM405NamesTheAccountAtItsManifestWithoutWireIds()
    {
        await using var ws = await SimulatorWorkspace.StartAsync("Atomic", requestsPerSecond: 1000);
        var file = ws.Write("manifests/accounts.yaml", FudoManifests);
        ws.Environment["OOB_SECRET"] = "canary-oob-secret-51d7";
        using var http = FudoHttp(ws);
        var serverId = await CreateServerAsync(http);

        var apply = await ApplyApprovingAfterAsync(ws.Directory, ws.Environment, () => DeleteAsync(http, $"api/v2/server/{serverId}"), "apply", "-f", ws.Manifests);

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain($"{file}:7:1: error PAM405: apply failed: create Account/oob-admin: ")
            .And.Contain("Server/oob-db does not exist").And.Contain("spec.server").And.Contain("[fudo_account.oob-admin]");
        apply.All.Should().NotContain(serverId, "a wire id means nothing to the user").And.NotContain("server_id")
            .And.NotContain("canary-oob-secret-51d7");
        apply.Out.Should().Contain("fudo_account.oob-admin: create FAILED").And.Contain("Apply failed! Nothing was changed");
    }

    [Fact]
    public async Task Fudo_ApplyOutputJson_CarriesTheRefusedObjectItsLocationAndTheTranslatedMessage()
    {
        await using var ws = await SimulatorWorkspace.StartAsync("Journal", requestsPerSecond: 1000);
        var file = ws.Write("manifests/accounts.yaml", FudoManifests);
        ws.Environment["OOB_SECRET"] = "canary-oob-secret-51d7";
        using var http = FudoHttp(ws);
        var serverId = await CreateServerAsync(http);

        var apply = await ApplyApprovingAfterAsync(ws.Directory, ws.Environment, () => DeleteAsync(http, $"api/v2/server/{serverId}"),
            "apply", "-f", ws.Manifests, "--output", "json");

        apply.ExitCode.Should().Be(1, apply.All);
        var json = JsonNode.Parse(apply.Out)!;
        var pam = json["pams"]![0]!;
        var failure = pam["failure"]!;
        failure["object"]!.GetValue<string>().Should().Be("Account/oob-admin");
        failure["kind"]!.GetValue<string>().Should().Be("Account");
        failure["name"]!.GetValue<string>().Should().Be("oob-admin");
        failure["operation"]!.GetValue<string>().Should().Be("create");
        failure["address"]!.GetValue<string>().Should().Be("fudo_account.oob-admin");
        failure["file"]!.GetValue<string>().Should().Be(file);
        failure["line"]!.GetValue<int>().Should().Be(7);
        failure["column"]!.GetValue<int>().Should().Be(1);
        failure["message"]!.GetValue<string>().Should().Contain("Server/oob-db does not exist");
        var diagnostic = json["diagnostics"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "PAM405")!;
        diagnostic["range"]!["filename"]!.GetValue<string>().Should().Be(file);
        diagnostic["range"]!["start"]!["line"]!.GetValue<int>().Should().Be(7);
        diagnostic["address"]!.GetValue<string>().Should().Be("fudo_account.oob-admin");
        diagnostic["summary"]!.GetValue<string>().Should().StartWith("apply failed: create Account/oob-admin: ");
        pam["steps"]!.AsArray().Single(s => s!["status"]!.GetValue<string>() == "failed")!["message"]!.GetValue<string>()
            .Should().Be(failure["message"]!.GetValue<string>());
        apply.All.Should().NotContain(serverId).And.NotContain("server_id");
    }

    [Fact]
    public async Task Sps_UserDeletedBetweenPlanAndApply_PAM405NamesTheGroupAndTheUserNotItsKey()
    {
        await using var ws = await SpsWorkspace.StartAsync();
        var dir = Path.Combine(ws.Directory, "refusal");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(ws.Manifests, "providerconfig.yaml"), Path.Combine(dir, "providerconfig.yaml"));
        var file = Path.Combine(dir, "groups.yaml");
        await File.WriteAllTextAsync(file, """
            # Auditors: carol exists in SPS (created by another administrator).
            apiVersion: sps.pamoperator.io/v1alpha1
            kind: LocalUserGroup
            metadata:
              name: oob-auditors
            spec:
              members:
                - user: carol
            """);
        using var admin = await ws.LogOnAsync();
        await CommitAsync(admin, HttpMethod.Post, "api/configuration/aaa/local_database/users", """{"name":"carol"}""");
        var carolKey = await KeyOfUserAsync(admin, "carol");

        var apply = await ApplyApprovingAfterAsync(ws.Directory, ws.Environment,
            () => CommitAsync(admin, HttpMethod.Delete, $"api/configuration/aaa/local_database/users/{carolKey}", null), "apply", "-f", dir);

        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain($"{file}:2:1: error PAM405: apply failed: create LocalUserGroup/oob-auditors: ")
            .And.Contain("LocalUser/carol").And.Contain("[sps_local_user_group.oob-auditors]");
        apply.All.Should().NotContain(carolKey, "SPS's key of carol means nothing to the user");
        ws.Simulator.Transaction["open"]!.GetValue<bool>().Should().BeFalse("the transaction was rolled back");
    }

    /// <summary>Runs pamctl at a "terminal" whose answer to the approval prompt comes after
    /// <paramref name="outOfBand"/> changed the PAM: the plan was made before, the writes come after.</summary>
    private static async Task<CliHarness.Result> ApplyApprovingAfterAsync(
        string directory, IReadOnlyDictionary<string, string> environment, Func<Task> outOfBand, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.ForTest(output, error, "", interactive: true) with
        {
            In = new AnswerAfter(outOfBand, "yes"),
            WorkingDirectory = directory,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        };
        var code = await PamctlApp.RunAsync(args, console, CancellationToken.None);
        return new CliHarness.Result(code, output.ToString(), error.ToString());
    }

    private static HttpClient FudoHttp(SimulatorWorkspace ws)
    {
        var http = new HttpClient { BaseAddress = ws.Simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ws.Simulator.ApiKey);
        return http;
    }

    private static async Task<string> CreateServerAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/v2/server", new { name = "oob-db", protocol = "ssh", address = "10.77.0.1", port = 22 });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.IsSuccessStatusCode.Should().BeTrue(body.ToJsonString());
        return body["server"]!["id"]!.ToString();
    }

    private static async Task DeleteAsync(HttpClient http, string path)
    {
        using var response = await http.DeleteAsync(path);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One change by another SPS administrator, in a transaction of its own.</summary>
    private static async Task CommitAsync(SpsWorkspace.RawSession admin, HttpMethod method, string path, string? json)
    {
        (await admin.SendAsync(HttpMethod.Post, "api/transaction", "{}")).Should().Be(200);
        (await admin.SendAsync(method, path, json)).Should().BeOneOf(200, 201);
        (await admin.SendAsync(HttpMethod.Put, "api/transaction", """{"status":"commit"}""")).Should().Be(200);
    }

    private static async Task<string> KeyOfUserAsync(SpsWorkspace.RawSession admin, string name)
    {
        var list = JsonNode.Parse(await admin.GetTextAsync("api/configuration/aaa/local_database/users"))!["items"]!.AsArray();
        foreach (var item in list)
        {
            var user = JsonNode.Parse(await admin.GetTextAsync(item!["meta"]!["href"]!.GetValue<string>().TrimStart('/')))!;
            if (user["body"]?["name"]?.GetValue<string>() == name)
            {
                return item["key"]!.GetValue<string>();
            }
        }

        throw new InvalidOperationException($"SPS has no user {name}");
    }

    /// <summary>Standard input that answers the prompt only after something else happened.</summary>
    private sealed class AnswerAfter(Func<Task> before, string answer) : TextReader
    {
        public override async Task<string?> ReadLineAsync()
        {
            await before();
            return answer;
        }

        public override string? ReadLine() => ReadLineAsync().GetAwaiter().GetResult();
    }
}
