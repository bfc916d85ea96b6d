using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Hosting;

/// <summary>The <c>/_sim</c> admin endpoints: request log, faults, bulk insert, reset.</summary>
public class AdminEndpointsTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly FudoApi _api = fixture.Api;

    public Task InitializeAsync() => fixture.Simulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Requests_ListsApiRequestsWithoutBodies_AndDeleteClearsThem()
    {
        await _api.Post("safe?fields=name", new { name = "logged", reason = "body-text-not-logged" });
        await _api.Get("safe/42");

        var log = (await Admin(HttpMethod.Get, "requests")).Json["requests"]!.AsArray();
        var cleared = await Admin(HttpMethod.Delete, "requests");

        log.Select(e => (e!["method"]!.GetValue<string>(), e["pathAndQuery"]!.GetValue<string>(), e["status"]!.GetValue<int>()))
            .Should().Equal(("POST", "/api/v2/safe?fields=name", 200), ("GET", "/api/v2/safe/42", 404));
        log.ToJsonString().Should().NotContain("body-text-not-logged");
        log[0]!["durationMs"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        cleared.Code.Should().Be(200);
        fixture.Simulator.RequestLog.Should().BeEmpty();
    }

    [Fact]
    public async Task Faults_PutGetDelete_ControlTheApi()
    {
        var put = await Admin(HttpMethod.Put, "faults", """{"failNextRequests":1,"failureStatusCode":500}""");
        var shown = (await Admin(HttpMethod.Get, "faults")).Json;
        var failed = await _api.Get("safe");
        await Admin(HttpMethod.Put, "faults", """{"failNextRequests":3}""");
        var deleted = await Admin(HttpMethod.Delete, "faults");
        var healthy = await _api.Get("safe");

        put.Code.Should().Be(200);
        shown["failNextRequests"]!.GetValue<int>().Should().Be(1);
        failed.Code.Should().Be(500);
        deleted.Code.Should().Be(200);
        healthy.Code.Should().Be(200);
    }

    [Theory]
    [InlineData("""{"failureRate":2}""", "a rate above 1")]
    [InlineData("""{"failureStatusCode":404}""", "a non-5xx failure status")]
    [InlineData("""{"explode":true}""", "an unknown setting")]
    [InlineData("not json", "malformed JSON")]
    public async Task Faults_InvalidSettings_Are400_AndKeepTheCurrentOnes(string body, string reason)
    {
        var reply = await Admin(HttpMethod.Put, "faults", body);

        reply.Code.Should().Be(400, reason);
        fixture.Simulator.Faults.Should().Be(new FaultSettings());
    }

    [Fact]
    public async Task Bulk_GeneratedFromTemplate_CreatesConsecutiveObjects()
    {
        var reply = await Admin(HttpMethod.Post, "bulk", """{"type":"safe","count":250,"namePrefix":"bulk-safe-","template":{"time_limit":15}}""");

        reply.Json["count"]!.GetValue<int>().Should().Be(250);
        var first = long.Parse(reply.Json["firstId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        long.Parse(reply.Json["lastId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(first + 249);
        var last = (await _api.Get("safe?filter=name.eq(bulk-safe-250)&fields=time_limit")).Json["safe"]![0]!;
        last["time_limit"]!.GetValue<long>().Should().Be(15);
    }

    [Fact]
    public async Task Bulk_ExplicitObjects_GoThroughTheModelRules()
    {
        var safe = await _api.Create("safe", new { name = "bulk-target" });
        var objects = new JsonArray(
            new JsonObject { ["user_id"] = await _api.IdOf("user", "alice"), ["safe_id"] = safe },
            new JsonObject { ["user_id"] = await _api.IdOf("user", "bob"), ["safe_id"] = safe });

        var ok = await Admin(HttpMethod.Post, "bulk", new JsonObject { ["type"] = "user_safe", ["objects"] = objects }.ToJsonString());
        var before = await StateDigest.TakeAsync(_api);
        var duplicate = await Admin(HttpMethod.Post, "bulk",
            """{"type":"safe","count":3,"namePrefix":"bulk-dup-","objects":[{"name":"BULK-TARGET"}]}""");

        ok.Json["count"]!.GetValue<int>().Should().Be(2);
        duplicate.Code.Should().Be(409, "the last object clashes with an existing name");
        (await StateDigest.TakeAsync(_api)).Should().Be(before, "a refused bulk insert creates nothing");
    }

    [Fact]
    public async Task Reset_RemovesEverything_AndReloadsFixtures()
    {
        await _api.Create("safe", new { name = "before-reset" });
        await _api.Delete($"user/{await _api.IdOf("user", "bob")}");

        var reply = await Admin(HttpMethod.Post, "reset");

        reply.Code.Should().Be(200);
        (await _api.Get("safe")).Json["safe"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().Equal(["TEAM-Audit-Archive"], "only the fixtures' safe remains");
        (await _api.Get("user?filter=name.eq(bob)")).Json["user"]!.AsArray().Should().ContainSingle();
    }

    private Task<Reply> Admin(HttpMethod method, string path, string? body = null) =>
        _api.Send(method, "/_sim/" + path, body ?? (method == HttpMethod.Post ? "{}" : null));
}
