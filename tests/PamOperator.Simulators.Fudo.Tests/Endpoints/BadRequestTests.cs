using System.Net;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Endpoints;

/// <summary>Malformed, oversized, unauthenticated or ill-typed requests get 4xx and change nothing.</summary>
public class BadRequestTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    public static TheoryData<string, string, string, string?, int> Cases => new()
    {
        { "malformed JSON", "POST", "safe", """{"name": "x",""", 400 },
        { "a JSON array is not an object body", "POST", "safe", """[{"name":"x"}]""", 400 },
        { "a JSON string is not an object body", "PATCH", "safe/{safe:bad-req-safe}", "\"x\"", 400 },
        { "POST needs a body", "POST", "safe", null, 400 },
        { "duplicate keys are ambiguous", "POST", "safe", """{"name":"a","name":"b"}""", 400 },
        { "unknown attributes", "PATCH", "safe/{safe:bad-req-safe}", """{"nmae":"typo"}""", 400 },
        { "a string where a number belongs", "PATCH", "safe/{safe:bad-req-safe}", """{"time_limit":"10"}""", 400 },
        { "a fraction where an integer belongs", "PATCH", "safe/{safe:bad-req-safe}", """{"time_limit":1.5}""", 400 },
        { "an object where a string belongs", "PATCH", "safe/{safe:bad-req-safe}", """{"reason":{"a":1}}""", 400 },
        { "an id that is not a number", "POST", "user/safe", """{"user_id":"alice","safe_id":"{safe:bad-req-safe}"}""", 400 },
        { "an unknown URL parameter", "GET", "safe?colour=red", null, 400 },
        { "a URL parameter given twice", "GET", "safe?limit=1&limit=2", null, 400 },
        { "limit above the maximum", "GET", "safe?limit=10001", null, 400 },
        { "limit zero", "GET", "safe?limit=0", null, 400 },
        { "negative offset", "GET", "safe?offset=-1", null, 400 },
        { "a filter without operator", "GET", "safe?filter=name(x)", null, 400 },
        { "a filter with an unknown operator", "GET", "safe?filter=name.like(x)", null, 400 },
        { "a filter on an unknown attribute", "GET", "safe?filter=colour.eq(red)", null, 400 },
        { "a filter with a non-boolean for a boolean", "GET", "safe?filter=blocked.eq(maybe)", null, 400 },
        { "contains on a scalar", "GET", "safe?filter=name.contains(x)", null, 400 },
        { "fields naming an unknown attribute", "GET", "safe?fields=name,colour", null, 400 },
        { "sorting by an unknown attribute", "GET", "safe?order=colour", null, 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadRequest_Is4xx_AndChangesNothing(string reason, string method, string path, string? body, int status)
    {
        await EnsureSafeAsync();
        path = await Placeholders.ResolveAsync(_api, path, new Dictionary<string, string>());
        body = body is null ? null : await Placeholders.ResolveAsync(_api, body, new Dictionary<string, string>());
        var before = await StateDigest.TakeAsync(_api);

        var reply = await _api.Send(new HttpMethod(method), path, body);

        reply.Code.Should().Be(status, $"{reason}: {reply.Text}");
        (await StateDigest.TakeAsync(_api)).Should().Be(before, reason);
    }

    [Fact]
    public async Task HugeBody_Over1MiB_Is413_AndChangesNothing()
    {
        var before = await StateDigest.TakeAsync(_api);
        var huge = $$"""{"name":"huge","reason":"{{new string('x', 1024 * 1024 + 1)}}"}""";

        var reply = await _api.Send(HttpMethod.Post, "safe", huge);

        reply.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await StateDigest.TakeAsync(_api)).Should().Be(before);
    }

    [Theory]
    [InlineData(null, "no Authorization header")]
    [InlineData("wrong-key", "a wrong key")]
    [InlineData("Bearer {key}", "a scheme prefix: Fudo takes the raw key")]
    public async Task Request_WithoutTheRawKey_Is401_AndChangesNothing(string? authorization, string reason)
    {
        using var http = FudoApi.Client(_api.Simulator, authorization?.Replace("{key}", _api.Simulator.ApiKey, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var before = await StateDigest.TakeAsync(_api);

        using var response = await http.PostAsync("/api/v2/safe", new StringContent("""{"name":"intruder"}"""));
        var admin = await http.GetAsync("/_sim/requests");

        ((int)response.StatusCode).Should().Be(401, reason);
        ((int)admin.StatusCode).Should().Be(401, "admin endpoints need the key too");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"result\":\"error\"");
        (await StateDigest.TakeAsync(_api)).Should().Be(before);
    }

    [Fact]
    public async Task PathOutsideApiV2_Is404()
    {
        (await _api.Send(HttpMethod.Get, "/api/v1/safe", null)).Code.Should().Be(404);
    }

    private async Task EnsureSafeAsync()
    {
        if ((await _api.Get("safe?filter=name.eq(bad-req-safe)")).Json["safe"]!.AsArray().Count == 0)
        {
            await _api.Create("safe", new { name = "bad-req-safe" });
        }
    }
}
