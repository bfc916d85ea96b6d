using System.Diagnostics;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Http.Tests.Paging;

/// <summary>S1 item 3 and V1 item 7: paging stops at a short page, at the reported total, at a repeated page or at the
/// page limit; the next page is fetched while the current one is parsed, never past a short page.</summary>
public class PageReaderTests
{
    private const int PageSize = 10;

    [Fact]
    public async Task ReadAll_TwentyFiveItems_ThreePages_NoRequestPastTheShortPage()
    {
        await using var pam = await HostileServer.StartAsync(Pages(25));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        var rows = await ReadAsync(client);

        rows.Should().Equal(Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        pam.Requests.Select(r => TestPages.OffsetOf(r.PathAndQuery)).Should().BeEquivalentTo([0, 10, 20]);
    }

    [Fact]
    public async Task ReadAll_ExactMultipleOfThePageSize_EndsWithOneEmptyPage()
    {
        await using var pam = await HostileServer.StartAsync(Pages(20));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        (await ReadAsync(client)).Should().HaveCount(20);
        pam.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task ReadAll_ReportedTotal_StopsThereEvenIfTheServerWouldGoOn()
    {
        await using var pam = await HostileServer.StartAsync(Pages(int.MaxValue, reportTotal: 20));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        (await ReadAsync(client)).Should().HaveCount(20);
        pam.Requests.Count.Should().BeLessThanOrEqualTo(3, "two pages, and at most one prefetched before the total was read");
    }

    [Fact]
    public async Task ReadAll_EndlessList_StopsAtThePageLimit_InBoundedTimeAndRequests()
    {
        await using var pam = await HostileServer.StartAsync(Pages(int.MaxValue));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { MaxPages = 5 });
        var clock = Stopwatch.StartNew();

        var act = () => ReadAsync(client);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.LimitExceeded);
        error.Message.Should().Contain("page limit (5 pages of 10)");
        pam.Requests.Should().HaveCount(5);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAll_ServerRepeatsTheSamePageForever_IsUntrusted_AfterTwoPages()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, TestPages.Page(Enumerable.Range(0, PageSize))));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        var act = () => ReadAsync(client);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.UntrustedAnswer);
        error.Message.Should().Contain("paging does not advance");
        pam.Requests.Count.Should().BeLessThanOrEqualTo(3, "the second page gives it away; at most one more was prefetched");
    }

    [Fact]
    public async Task ReadAll_PageLongerThanAskedFor_IsUntrusted()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, TestPages.Page(Enumerable.Range(0, PageSize + 1))));
        using var client = Clients.For(Clients.Options(pam.BaseAddress));

        var act = () => ReadAsync(client);

        (await act.Should().ThrowAsync<PamApiException>()).Which.Kind.Should().Be(ApiErrorKind.UntrustedAnswer);
    }

    [Fact]
    public async Task ReadAll_ObserveDeadline_StopsASlowList()
    {
        await using var pam = await HostileServer.StartAsync(HostileAnswers.After(TimeSpan.FromMilliseconds(100), Pages(int.MaxValue)));
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { ObserveDeadline = TimeSpan.FromMilliseconds(500) });

        var act = () => client.WithinObserveDeadlineAsync(ct => PageReader.ReadAllAsync(client, Url, PageSize, TestPages.Parser, id => id, ct), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.LimitExceeded);
        error.Message.Should().Contain("observe deadline");
    }

    private static Task<List<string>> ReadAsync(PamHttpClient client) =>
        PageReader.ReadAllAsync(client, Url, PageSize, TestPages.Parser, id => id, CancellationToken.None);

    private static string Url(long offset) => $"api/items?limit={PageSize}&offset={offset}";

    /// <summary>A list of <paramref name="count"/> items served by offset (ids = positions).</summary>
    private static Func<HttpContext, Task> Pages(int count, long? reportTotal = null) => context =>
    {
        var offset = TestPages.OffsetOf(context.Request.QueryString.Value!);
        var ids = Enumerable.Range(offset, (int)Math.Max(0, Math.Min(PageSize, (long)count - offset)));
        return HostileAnswers.Text(200, TestPages.Page(ids, reportTotal))(context);
    };
}
