using System.Net;
using PamOperator.Simulators.Common.Tests.Support;

namespace PamOperator.Simulators.Common.Tests.Faults;

/// <summary>The kit's generic fault injection on a vendor that knows nothing about it (<see cref="MiniVendor"/>).</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private MiniVendor? _vendor;
    private HttpClient? _http;

    private MiniVendor Vendor => _vendor!;

    private HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        _vendor = await MiniVendor.StartAsync();
        _http = _vendor.Client();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Vendor.DisposeAsync();
    }

    [Fact]
    public async Task NthWrite_FailsWith500_BeforeTheHandlerRuns_ReadsDoNotCount()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { FailNthWrite = 2 });

        var statuses = new List<int>();
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Get, HttpMethod.Post, HttpMethod.Post })
        {
            using var response = await Http.SendAsync(new HttpRequestMessage(method, "api/items"));
            statuses.Add((int)response.StatusCode);
        }

        statuses.Should().Equal(200, 200, 500, 200);
        Vendor.Items.Should().Be(2, "the failed write changed nothing");
    }

    [Fact]
    public async Task RateLimitNext_Answers429_WithRetryAfter()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { RateLimitNextRequests = 1, RetryAfterSeconds = 7 });

        using var limited = await Http.GetAsync(new Uri("api/items", UriKind.Relative));
        using var next = await Http.GetAsync(new Uri("api/items", UriKind.Relative));

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        next.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailNext_UsesTheConfiguredStatus_AndTheVendorsErrorLayout()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { FailNextRequests = 1, FailureStatusCode = 502 });

        using var failed = await Http.PostAsync(new Uri("api/items", UriKind.Relative), null);

        failed.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await failed.Content.ReadAsStringAsync()).Should().Be("""{"error":"injected fault: server error"}""");
        Vendor.Items.Should().Be(0);
    }

    [Fact]
    public async Task FailureRate_One_FailsEveryRequest_AndZeroNone()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { FailureRate = 1, RandomSeed = 4 });
        using var failed = await Http.GetAsync(new Uri("api/items", UriKind.Relative));
        Vendor.Host.Faults.Apply(new FaultSettings { FailureRate = 0 });
        using var passed = await Http.GetAsync(new Uri("api/items", UriKind.Relative));

        ((int)failed.StatusCode).Should().Be(503, "the default failure status");
        passed.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DropNext_AbortsTheConnection_AndIsLoggedWithStatusZero()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { DropNextRequests = 1 });

        var call = () => Http.GetAsync(new Uri("api/items", UriKind.Relative));

        await call.Should().ThrowAsync<HttpRequestException>();
        Vendor.Host.RequestLog.Snapshot().Should().ContainSingle().Which.Status.Should().Be(0);
    }

    [Fact]
    public async Task TimeoutNext_HoldsThenAnswers504()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { TimeoutNextRequests = 1, TimeoutHoldMs = 200 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await Http.GetAsync(new Uri("api/items", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(180));
    }

    [Fact]
    public async Task Latency_DelaysEveryApiRequest()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { LatencyMs = 250 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await Http.GetAsync(new Uri("api/items", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(230));
    }

    [Fact]
    public async Task AdminRequests_ConsumeNoFault()
    {
        Vendor.Host.Faults.Apply(new FaultSettings { FailNextRequests = 3 });

        using var admin = await Http.GetAsync(new Uri("_sim/requests", UriKind.Relative));

        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        Vendor.Host.Faults.Current.FailNextRequests.Should().Be(3);
    }
}
