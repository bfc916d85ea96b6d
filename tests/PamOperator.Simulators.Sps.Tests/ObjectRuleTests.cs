using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Tests;

/// <summary>The rules of users, groups and password objects (seed 002 and reference §2.3).</summary>
public sealed class ObjectRuleTests : IAsyncLifetime
{
    private const string Users = "api/configuration/aaa/local_database/users";
    private const string Groups = "api/configuration/aaa/local_database/groups";
    private SpsSimulator _sim = null!;
    private SpsSession _session = null!;

    public async Task InitializeAsync()
    {
        _sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "test-password" });
        _session = await SpsSession.LogOnAsync(_sim);
        await _session.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task PasswordObject_ReferencedTwice_Is400SemanticError()
    {
        var pw = (await _session.PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = "s" })).Body!["key"]!.GetValue<string>();
        (await _session.PostAsync(Users, new JsonObject { ["name"] = "u1", ["password"] = pw })).Status.Should().Be(HttpStatusCode.Created);

        var (status, body) = await _session.PostAsync(Users, new JsonObject { ["name"] = "u2", ["password"] = pw });

        status.Should().Be(HttpStatusCode.BadRequest);
        body!["error"]!["type"]!.GetValue<string>().Should().Be("SemanticError");
    }

    [Fact]
    public async Task Passwords_ArePostOnly_AndNeverShowTheirValue()
    {
        var created = await _session.PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = "canary-pw-77" });
        var key = created.Body!["key"]!.GetValue<string>();

        key.Should().MatchRegex("^[0-9a-f-]{36}$");
        (await _session.GetAsync("api/configuration/passwords")).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await _session.PutAsync($"api/configuration/passwords/{key}", new JsonObject { ["plain"] = "x" })).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await _session.DeleteAsync($"api/configuration/passwords/{key}")).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        var one = await _session.GetAsync($"api/configuration/passwords/{key}");
        one.Status.Should().Be(HttpStatusCode.OK);
        one.Body!.ToJsonString().Should().NotContain("canary");
        (await _session.GetAsync("api/transaction/changes")).Body!.ToJsonString().Should().NotContain("canary");
    }

    [Fact]
    public async Task BuiltinAdmin_CannotBeDeletedOrRenamed()
    {
        var admin = (await _session.GetAsync(Users)).Body!["items"]![0]!["key"]!.GetValue<string>();

        var delete = await _session.DeleteAsync($"{Users}/{admin}");
        var rename = await _session.PutAsync($"{Users}/{admin}", new JsonObject { ["name"] = "root" });

        delete.Status.Should().Be(HttpStatusCode.BadRequest);
        delete.Body!["error"]!["type"]!.GetValue<string>().Should().Be("SemanticError");
        rename.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GroupMembers_MustBeUserKeys_AndPutReplacesTheWholeObject()
    {
        var alice = await _session.CreateUserAsync("alice");
        var bob = await _session.CreateUserAsync("bob", "pw-2");
        var byName = await _session.PostAsync(Groups, new JsonObject { ["name"] = "g", ["members"] = new JsonArray("alice") });
        byName.Status.Should().Be(HttpStatusCode.BadRequest, "members are keys, not names");

        var key = (await _session.PostAsync(Groups, new JsonObject { ["name"] = "g", ["members"] = new JsonArray(alice, bob) })).Body!["key"]!.GetValue<string>();
        (await _session.PutAsync($"{Groups}/{key}", new JsonObject { ["name"] = "g2", ["members"] = new JsonArray(bob) })).Status.Should().Be(HttpStatusCode.OK);

        (await _session.GetAsync($"{Groups}/{key}")).Body!["body"]!.ToJsonString().Should().Be($$"""{"members":["{{bob}}"],"name":"g2"}""");
        var stillMember = await _session.DeleteAsync($"{Users}/{bob}");
        stillMember.Status.Should().Be(HttpStatusCode.BadRequest, "bob is still in g2");
        (await _session.DeleteAsync($"{Users}/{alice}")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Names_AreUnique_AndUnknownObjectsAre404()
    {
        await _session.CreateUserAsync("alice");
        var pw = (await _session.PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = "s" })).Body!["key"]!.GetValue<string>();

        (await _session.PostAsync(Users, new JsonObject { ["name"] = "ALICE", ["password"] = pw })).Status.Should().Be(HttpStatusCode.BadRequest);
        var missing = await _session.GetAsync($"{Users}/0123456789abcdef012345");
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.Body!["error"]!["type"]!.GetValue<string>().Should().Be("NotFound");
    }

    [Fact]
    public async Task Acls_AreReadOnly()
    {
        (await _session.PutAsync("api/configuration/aaa/acls", new JsonObject())).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await _session.PostAsync("api/configuration/aaa/acls", new JsonObject())).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task InjectedWriteFailure_ChangesNothing_AndIsInTheRequestLog()
    {
        _sim.SetFaults(new Common.FaultSettings { FailNthWrite = 1 });
        var (status, _) = await _session.PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = "s" });

        status.Should().Be(HttpStatusCode.InternalServerError);
        (await _session.GetAsync("api/transaction/changes")).Body!["changes"]!.AsArray().Should().BeEmpty();
        _sim.RequestLog.Should().Contain(e => e.Method == "POST" && e.PathAndQuery == "/api/configuration/passwords" && e.Status == 500);
    }
}
