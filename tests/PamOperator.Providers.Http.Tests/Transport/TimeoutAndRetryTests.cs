using System.Diagnostics;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Http.Tests.Transport;

/// <summary>S1 item 3 and V1 item 7: every call has a timeout; reads are retried, boundedly, honouring Retry-After.</summary>
public class TimeoutAndRetryTests
{
    [Fact]
    public async Task Get_ServerSilentLongerThanTheTimeout_FailsTransientWithinBoundedTime()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.After(TimeSpan.FromSeconds(30), HostileAnswers.Text(200, "{}")));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxReadRetries = 1 });
        var clock = Stopwatch.StartNew();

        var act = () => client.SendAsync(HttpMethod.Get, "api/v2/safe", null, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "two attempts of 300 ms each, not the server's 30 s");
        error.Kind.Should().Be(ApiErrorKind.Transient);
        error.Message.Should().Contain("timed out after 0.3 s");
        pam.Requests.Count.Should().BeLessThanOrEqualTo(2, "one attempt and one retry, then it gives up (on a loaded machine an "
            + "attempt may time out before the server sees it)");
    }

    [Fact]
    public async Task Get_BodyTricklingPastTheTimeout_IsCutByTheSameTimeout()
    {
        await using var pam = await HostileServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("{\"result\":", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxReadRetries = 0 });

        var act = () => client.ReadAsync("api/v2/safe", Clients.Drain, CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Message.Should().Contain("timed out");
    }

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsThatLong_ThenSucceeds()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.InTurn(
            context =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            },
            HostileAnswers.Text(200, """{"ok":true}""")));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));
        var clock = Stopwatch.StartNew();

        var body = await client.SendAsync(HttpMethod.Get, "api/v2/safe", null, CancellationToken.None);

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(900), "Retry-After: 1 wins over the 1 ms backoff");
        System.Text.Encoding.UTF8.GetString(body).Should().Be("""{"ok":true}""");
        pam.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Get_RetryAfterOfAnHour_IsCutToTheMaximum()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.InTurn(
            context =>
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "3600";
                return Task.CompletedTask;
            },
            HostileAnswers.Text(200, "{}")));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { MaxRetryAfter = TimeSpan.FromMilliseconds(100) });
        var clock = Stopwatch.StartNew();

        await client.SendAsync(HttpMethod.Get, "api/v2/safe", null, CancellationToken.None);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Post_503_IsSentOnce()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(503, "{}"));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        var act = () => client.SendAsync(HttpMethod.Post, "api/v2/safe", "{}"u8.ToArray(), CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Kind.Should().Be(ApiErrorKind.Transient);
        pam.Requests.Should().ContainSingle("a write is never repeated by the HTTP layer");
    }
}
