using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Tests.Support;

namespace PamOperator.Simulators.Common.Tests.Credentials;

/// <summary>Each credential check on a bare request, and the kit applying them over HTTP.</summary>
public sealed class CredentialCheckTests
{
    [Theory]
    [InlineData("k3y", true, "the exact key, raw")]
    [InlineData("Bearer k3y", false, "no scheme prefix is accepted")]
    [InlineData("k3y ", false, "compared exactly")]
    [InlineData(null, false, "missing")]
    public void RawKeyCheck_AcceptsOnlyTheExactRawKey(string? header, bool expected, string reason) =>
        new RawKeyCheck("k3y").IsAuthorized(Request(header)).Should().Be(expected, reason);

    [Fact]
    public void RawKeyCheck_ReadsTheConfiguredHeader()
    {
        var request = Request(null);
        request.Headers["X-Api-Key"] = "k3y";

        new RawKeyCheck("k3y", "X-Api-Key").IsAuthorized(request).Should().BeTrue();
    }

    [Theory]
    [InlineData("alice:pw", true, "the right user and password")]
    [InlineData("alice:wrong", false, "a wrong password")]
    [InlineData("alice", false, "no colon")]
    public void BasicCredentialCheck_PassesUserAndPasswordToTheVendor(string pair, bool expected, string reason)
    {
        var check = new BasicCredentialCheck((user, password) => user == "alice" && password == "pw");

        check.IsAuthorized(Request("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)))).Should().Be(expected, reason);
    }

    [Fact]
    public void BasicCredentialCheck_MalformedBase64_IsRefusedNotThrown() =>
        new BasicCredentialCheck((_, _) => true).IsAuthorized(Request("Basic !!!")).Should().BeFalse();

    [Fact]
    public void SessionTokens_ExpireAfterTheirLifetime_AndCanBeRevoked()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var sessions = new SessionTokens(clock);
        var bearer = new SessionTokenCheck(TokenLocation.Bearer, sessions.IsValid);
        var token = sessions.Issue("alice", TimeSpan.FromMinutes(5));
        var other = sessions.Issue("bob", TimeSpan.FromHours(1));

        bearer.IsAuthorized(Request("Bearer " + token)).Should().BeTrue();
        bearer.IsAuthorized(Request(token)).Should().BeFalse("a Bearer check needs the scheme");
        new SessionTokenCheck(TokenLocation.RawAuthorization, sessions.IsValid).IsAuthorized(Request(token)).Should().BeTrue();
        clock.Advance(TimeSpan.FromMinutes(5));
        bearer.IsAuthorized(Request("Bearer " + token)).Should().BeFalse("expired");
        sessions.TryGetSubject(other, out var subject).Should().BeTrue();
        subject.Should().Be("bob");
        sessions.Revoke(other);
        sessions.IsValid(other).Should().BeFalse("revoked");
    }

    [Fact]
    public void SessionTokenCheck_ReadsACookie()
    {
        var sessions = new SessionTokens(TimeProvider.System);
        var token = sessions.Issue("alice", TimeSpan.FromMinutes(1));
        var request = Request(null);
        request.Headers.Cookie = "session_id=" + token;

        new SessionTokenCheck(TokenLocation.Cookie, sessions.IsValid, "session_id").IsAuthorized(request).Should().BeTrue();
        new AnyCredentialCheck(new RawKeyCheck("x"), new SessionTokenCheck(TokenLocation.Cookie, sessions.IsValid, "session_id"))
            .IsAuthorized(request).Should().BeTrue();
    }

    [Fact]
    public async Task Kit_Refuses401_ExceptAnonymousPaths_AndGuardsSimWithAdminCredentials()
    {
        await using var vendor = await MiniVendor.StartAsync(adminCredentials: new RawKeyCheck("admin-key"));
        using var anonymous = vendor.Client(authorization: null);
        using var user = vendor.Client();
        using var admin = vendor.Client("admin-key");

        (await anonymous.GetAsync(new Uri("api/items", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync(new Uri("api/logon", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await user.GetAsync(new Uri("_sim/requests", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.GetAsync(new Uri("_sim/requests", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsync(new Uri("_sim/extra", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK, "vendor extras share the admin check");
        (await user.PostAsync(new Uri("_SIM/extra", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized,
            "routing ignores case, so the admin prefix must too");
    }

    private static DefaultHttpContext Context(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }

    private static HttpRequest Request(string? authorization) => Context(authorization).Request;
}
