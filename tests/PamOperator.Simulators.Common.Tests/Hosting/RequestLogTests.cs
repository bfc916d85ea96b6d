using System.Net;
using PamOperator.Simulators.Common.Tests.Support;

namespace PamOperator.Simulators.Common.Tests.Hosting;

/// <summary>The request log: API requests with timestamps and status, never bodies, never admin requests.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task ApiRequests_AreLoggedWithTimesAndStatus_AdminRequestsAndBodiesAreNot()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var vendor = await MiniVendor.StartAsync(new SimulatorHostOptions { ApiPathPrefix = "/api/", TimeProvider = clock });
        using var http = vendor.Client();

        await http.PostAsync(new Uri("api/items?x=1", UriKind.Relative), new StringContent("""{"secret":"never-logged"}"""));
        await http.GetAsync(new Uri("api/missing", UriKind.Relative));
        await http.GetAsync(new Uri("_sim/requests", UriKind.Relative));

        var log = vendor.Host.RequestLog.Snapshot();
        log.Select(e => (e.Method, e.PathAndQuery, e.Status)).Should().Equal(("POST", "/api/items?x=1", 200), ("GET", "/api/missing", 404));
        log.Should().AllSatisfy(e =>
        {
            e.StartedAt.Should().Be(clock.GetUtcNow());
            e.EndedAt.Should().BeOnOrAfter(e.StartedAt);
            e.DurationMs.Should().BeGreaterThanOrEqualTo(0);
        });
        string.Join("\n", log).Should().NotContain("never-logged");
    }

    [Fact]
    public async Task VendorBug_Answers500_AndIsLogged()
    {
        await using var vendor = await MiniVendor.StartAsync();
        using var http = vendor.Client();

        using var response = await http.GetAsync(new Uri("api/boom", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().Contain("InvalidOperationException");
        vendor.Host.RequestLog.Snapshot().Should().ContainSingle().Which.Status.Should().Be(500);
    }

    [Fact]
    public void Log_KeepsTheLastCapacityEntries()
    {
        var log = new PamOperator.Simulators.Common.Hosting.RequestLog();
        for (var i = 0; i < PamOperator.Simulators.Common.Hosting.RequestLog.Capacity + 2; i++)
        {
            log.Add(new RequestLogEntry(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "GET", "/" + i, 200, 0));
        }

        var entries = log.Snapshot();
        entries.Should().HaveCount(PamOperator.Simulators.Common.Hosting.RequestLog.Capacity);
        entries[0].PathAndQuery.Should().Be("/2");
    }
}
