using System.Net;

namespace PamOperator.Simulators.Sps.Tests;

/// <summary><c>GET /api/authentication</c>, the <c>session_id</c> cookie, and idle expiry.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private SpsSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions
    {
        Password = "test-password",
        TimeProvider = _clock,
        SessionIdleTimeout = TimeSpan.FromMinutes(20),
    });

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task LogOn_WithBasic_SetsA40HexSessionCookie()
    {
        using var anonymous = SpsSession.Anonymous(_sim);
        var (status, body, cookie) = await anonymous.LogOnRawAsync(_sim.User, _sim.Password);

        status.Should().Be(HttpStatusCode.OK);
        cookie.Should().MatchRegex("^[0-9a-f]{40}$");
        body!["meta"]!["href"]!.GetValue<string>().Should().Be("/api/authentication");
    }

    [Fact]
    public async Task LogOn_WithBadCredentials_Is401AuthenticationFailure()
    {
        using var anonymous = SpsSession.Anonymous(_sim);
        var (status, body, cookie) = await anonymous.LogOnRawAsync(_sim.User, "wrong");

        status.Should().Be(HttpStatusCode.Unauthorized);
        cookie.Should().BeNull();
        body!["error"]!["type"]!.GetValue<string>().Should().Be("AuthenticationFailure");
    }

    [Fact]
    public async Task Request_WithoutSession_Is401Unauthenticated_NamingThePath()
    {
        using var anonymous = SpsSession.Anonymous(_sim);
        var (status, body) = await anonymous.GetAsync("api/configuration/aaa/acls");

        status.Should().Be(HttpStatusCode.Unauthorized);
        body!["error"]!["type"]!.GetValue<string>().Should().Be("Unauthenticated");
        body["error"]!["details"]!["path"]!.GetValue<string>().Should().Be("/api/configuration/aaa/acls");
    }

    [Fact]
    public async Task Session_ExpiresWhenIdle_ButUseRenewsIt()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        _clock.Advance(TimeSpan.FromMinutes(19));
        (await session.GetAsync("api/transaction")).Status.Should().Be(HttpStatusCode.OK, "19 idle minutes are within the timeout");
        _clock.Advance(TimeSpan.FromMinutes(19));
        (await session.GetAsync("api/transaction")).Status.Should().Be(HttpStatusCode.OK, "the last request renewed it");
        _clock.Advance(TimeSpan.FromMinutes(20));

        var (status, body) = await session.GetAsync("api/transaction");
        status.Should().Be(HttpStatusCode.Unauthorized);
        body!["error"]!["type"]!.GetValue<string>().Should().Be("Unauthenticated");
    }

    [Fact]
    public async Task LocalUser_CanLogOnWithItsCommittedPassword()
    {
        using var admin = await SpsSession.LogOnAsync(_sim);
        await admin.OpenAsync();
        await admin.CreateUserAsync("carol", "carol-pw-1");
        (await admin.PutAsync("api/transaction", new System.Text.Json.Nodes.JsonObject { ["status"] = "commit" })).Status.Should().Be(HttpStatusCode.OK);
        using var anonymous = SpsSession.Anonymous(_sim);

        (await anonymous.LogOnRawAsync("carol", "carol-pw-1")).Status.Should().Be(HttpStatusCode.OK);
        (await anonymous.LogOnRawAsync("carol", "other")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }
}
