using System.Diagnostics;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Http.Tests.Transport;

/// <summary>S1 item 3: a maximum body size; a 1 GB body is cut at the limit with bounded memory.</summary>
public class BodyLimitTests
{
    private const long OneGigabyte = 1L << 30;
    private const long Limit = 1L << 20;

    [Fact]
    public async Task Read_OneGigabyteBody_IsCutAtTheLimit_WithBoundedMemoryAndTime()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Huge(OneGigabyte));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { MaxBodyBytes = Limit, MaxReadRetries = 0 });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var act = () => client.ReadAsync("api/v2/safe", async (body, ct) =>
        {
            using var json = new JsonStreamScanner(body);
            while (await json.ReadAsync(ct))
            {
            }

            return 0;
        }, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.LimitExceeded);
        error.Message.Should().Contain($"maximum body size ({Limit} bytes)");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "reading stops at the limit, not at 1 GB");
        (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).Should().BeLessThan(64L << 20, "memory is bounded by the limit, not the body");
    }

    [Fact]
    public async Task Send_OneGigabyteBody_IsCutAtTheLimit()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Huge(OneGigabyte));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { MaxBodyBytes = Limit });

        var act = () => client.SendAsync(HttpMethod.Post, "api/v2/batch", "{}"u8.ToArray(), CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Kind.Should().Be(ApiErrorKind.LimitExceeded);
    }

    [Fact]
    public async Task Read_AnnouncedContentLengthOverTheLimit_FailsBeforeReading()
    {
        await using var pam = await HostileServer.StartAsync(async context =>
        {
            context.Response.ContentLength = Limit * 4;
            await context.Response.Body.WriteAsync(new byte[Limit * 4], context.RequestAborted);
        });
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { MaxBodyBytes = Limit });

        var act = () => client.ReadAsync("api/v2/safe", Clients.Drain, CancellationToken.None);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Kind.Should().Be(ApiErrorKind.LimitExceeded);
    }

    [Fact]
    public async Task Read_BodyJustUnderTheLimit_IsRead()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, new string(' ', (int)Limit - 2) + "{}"));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { MaxBodyBytes = Limit });

        var length = await client.ReadAsync("api/v2/safe", Clients.Drain, CancellationToken.None);

        length.Should().Be(Limit);
    }
}
