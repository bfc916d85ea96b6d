using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Simulators.PrivX.Tests.Support;
using Xunit;

namespace PamOperator.Simulators.PrivX.Tests;

/// <summary>The OAuth token endpoint (pam-apis §4) and Bearer tokens on every API call.</summary>
public class AuthenticationTests
{
    [Fact]
    public async Task Token_PasswordGrantWithBasicClient_AnswersAnExpiringBearerToken()
    {
        await using var s = await PrivXSession.StartAsync(new PrivXSimulatorOptions { TokenLifetime = TimeSpan.FromSeconds(120) });

        using var answer = await s.TokenAsync(PrivXSession.ClientId, PrivXSession.ClientSecret, PrivXSession.User, PrivXSession.Password);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

        ((int)answer.StatusCode).Should().Be(200);
        ((string)body["token_type"]!).Should().Be("Bearer");
        ((int)body["expires_in"]!).Should().Be(120);
        ((string)body["access_token"]!).Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("test-client", "wrong", "test-api", "api-password-canary-9917", "password", 401, "invalid_client")]
    [InlineData("other", "client-secret-canary-5531", "test-api", "api-password-canary-9917", "password", 401, "invalid_client")]
    [InlineData("test-client", "client-secret-canary-5531", "test-api", "wrong", "password", 400, "invalid_grant")]
    [InlineData("test-client", "client-secret-canary-5531", "someone", "api-password-canary-9917", "password", 400, "invalid_grant")]
    [InlineData("test-client", "client-secret-canary-5531", "test-api", "api-password-canary-9917", "client_credentials", 400, "unsupported_grant_type")]
    public async Task Token_WrongCredentials_AnswersTheOAuthError(string client, string secret, string user, string password, string grant, int status, string error)
    {
        await using var s = await PrivXSession.StartAsync();

        using var answer = await s.TokenAsync(client, secret, user, password, grant);
        var text = await answer.Content.ReadAsStringAsync();

        ((int)answer.StatusCode).Should().Be(status);
        ((string)JsonNode.Parse(text)!["error"]!).Should().Be(error);
        text.Should().NotContain(PrivXSession.ClientSecret).And.NotContain(PrivXSession.Password);
    }

    [Fact]
    public async Task Api_WithoutOrWithAnExpiredToken_Is401InPrivXErrorShape()
    {
        await using var s = await PrivXSession.StartAsync();
        var before = await s.GetAsync("connection-manager/api/v1/connections");
        await s.AdminAsync("_sim/tokens/expire", new JsonObject());

        var expired = await s.GetAsync("connection-manager/api/v1/connections");
        s.Http.DefaultRequestHeaders.Authorization = null;
        var none = await s.GetAsync("role-store/api/v1/roles");
        s.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");
        var madeUp = await s.GetAsync("host-store/api/v1/hosts");

        before.Status.Should().Be(200);
        foreach (var (status, body) in new[] { expired, none, madeUp })
        {
            status.Should().Be(401);
            ((string)body!["error_code"]!).Should().Be("UNAUTHORIZED");
            body["error_message"].Should().NotBeNull();
        }
    }
}
