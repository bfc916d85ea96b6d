using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Http.Tests.Transport;

/// <summary>S1 item 1: a redirect is never followed; the failure names the target host and nothing else of the URL.</summary>
public class RedirectTests
{
    [Theory]
    [InlineData(307, "GET")]
    [InlineData(308, "GET")]
    [InlineData(307, "POST")]
    [InlineData(302, "DELETE")]
    public async Task Redirect_ToAnotherListener_IsNotFollowed_AndNamesOnlyTheHost(int status, string method)
    {
        await using var other = await HostileServer.StartAsync(HostileAnswers.Text(200, """{"result":"success"}"""));
        var target = new UriBuilder(other.BaseAddress) { UserName = "thief", Password = "target-secret", Path = "steal", Query = "token=query-secret" }.Uri;
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Redirect(status, target.AbsoluteUri));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        var act = () => client.SendAsync(new HttpMethod(method), "api/v2/safe", method == "GET" ? null : "{}"u8.ToArray(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.RedirectRefused);
        error.Message.Should().Contain($"redirecting to host {other.BaseAddress.Host}")
            .And.NotContain("target-secret").And.NotContain("query-secret").And.NotContain("thief").And.NotContain("steal");
        other.Requests.Should().BeEmpty("the other host's listener must receive nothing");
        pam.Requests.Should().ContainSingle("a redirect is not a transient failure: it is not retried either");
    }

    [Fact]
    public async Task Redirect_ToANamedHost_NamesThatHost()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Redirect(308, "https://evil.example:8443/api?key=x"));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        var act = () => client.SendAsync(HttpMethod.Get, "api/v2/safe", null, CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Message.Should().Contain("host evil.example;").And.NotContain("key=x");
    }

    [Fact]
    public async Task Failure_WithUserinfoInTheEndpoint_NeverPrintsIt()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.After(TimeSpan.FromSeconds(5), HostileAnswers.Text(200, "{}")));
        var endpoint = new UriBuilder(pam.BaseAddress) { UserName = "admin", Password = "userinfo-secret" }.Uri;
        using var client = Clients.For(Clients.Options(endpoint) with { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxReadRetries = 0 });

        var act = () => client.SendAsync(HttpMethod.Get, "api/v2/safe?filter=secret-filter", null, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Message.Should().NotContain("userinfo-secret").And.NotContain("admin").And.NotContain("secret-filter");
        client.Options.ToString().Should().NotContain("userinfo-secret");
    }
}
