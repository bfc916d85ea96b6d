using System.Diagnostics;
using System.Net;
using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Faults;

/// <summary>Each fault switch, set through <see cref="FudoSimulator.SetFaults"/>; every test starts from a reset simulator.</summary>
public class FaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly FudoApi _api = fixture.Api;
    private readonly FudoSimulator _simulator = fixture.Simulator;

    public Task InitializeAsync() => _simulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Latency_DelaysEveryApiRequest()
    {
        _simulator.SetFaults(new FaultSettings { LatencyMs = 300 });
        var clock = Stopwatch.StartNew();

        var reply = await _api.Get("safe");

        reply.Code.Should().Be(200);
        clock.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(290);
        _simulator.RequestLog.Should().ContainSingle().Which.DurationMs.Should().BeGreaterThanOrEqualTo(290);
    }

    [Fact]
    public async Task FailureRate_WithASeed_FailsReproducibly()
    {
        var settings = new FaultSettings { FailureRate = 0.5, RandomSeed = 42, FailureStatusCode = 502 };
        _simulator.SetFaults(settings);
        var first = await StatusesAsync(20);
        _simulator.SetFaults(settings);
        var second = await StatusesAsync(20);

        first.Should().Equal(second, "the same seed gives the same failures");
        first.Should().Contain(502).And.Contain(200).And.OnlyContain(s => s == 200 || s == 502);
    }

    [Fact]
    public async Task FailNthWrite_FailsExactlyThatWrite_WithoutChangingAnything()
    {
        _simulator.SetFaults(new FaultSettings { FailNthWrite = 2 });

        var first = await _api.Post("safe", new { name = "nth-1" });
        var read = await _api.Get("safe");
        var second = await _api.Post("safe", new { name = "nth-2" });
        var third = await _api.Post("safe", new { name = "nth-3" });

        new[] { first.Code, read.Code, second.Code, third.Code }.Should().Equal(200, 200, 500, 200);
        (await _api.Get("safe?filter=name.eq(nth-2)")).Json["safe"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task FailNthWrite_InsideAnAtomicBatch_AbortsTheBatch()
    {
        var before = await StateDigest.TakeAsync(_api);
        _simulator.SetFaults(new FaultSettings { FailNthWrite = 2 });

        var reply = await _api.Post("batch", new
        {
            atomic = true,
            requests = new object[]
            {
                new { id = "a", method = "POST", endpoint = "/safe", data = new { name = "nth-batch-1" } },
                new { id = "b", method = "POST", endpoint = "/safe", data = new { name = "nth-batch-2" } },
                new { id = "c", method = "POST", endpoint = "/safe", data = new { name = "nth-batch-3" } },
            },
        });

        reply.Json["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).Should().Equal(200, 500, 424);
        (await StateDigest.TakeAsync(_api)).Should().Be(before);
    }

    [Fact]
    public async Task RateLimitNext_Answers429WithRetryAfter_ThenRecovers()
    {
        _simulator.SetFaults(new FaultSettings { RateLimitNextRequests = 1, RetryAfterSeconds = 7 });

        var limited = await _api.Get("safe");
        var next = await _api.Get("safe");

        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers["Retry-After"].Should().Be("7");
        next.Code.Should().Be(200);
    }

    [Fact]
    public async Task RateLimitPerSecond_ExcessIn_TheSameSecond_Gets429_NextSecondPasses()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { TimeProvider = clock, Faults = new() { RateLimitPerSecond = 2 } });
        using var api = new FudoApi(simulator);

        var burst = new[] { (await api.Get("user")).Code, (await api.Get("user")).Code, (await api.Get("user")).Code };
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = (await api.Get("user")).Code;

        burst.Should().Equal(200, 200, 429);
        later.Should().Be(200);
    }

    [Fact]
    public async Task FailNext_AnswersTheConfigured5xx_ForNRequests()
    {
        _simulator.SetFaults(new FaultSettings { FailNextRequests = 2, FailureStatusCode = 502 });

        (await StatusesAsync(3)).Should().Equal(502, 502, 200);
    }

    [Fact]
    public async Task DropNext_AbortsTheConnection_AndLogsStatusZero()
    {
        _simulator.SetFaults(new FaultSettings { DropNextRequests = 1 });
        using var fresh = FudoApi.Client(_simulator, _simulator.ApiKey, TimeSpan.FromSeconds(10));

        // A new connection: the handler cannot mistake the drop for a stale pooled connection and retry.
        var drop = async () => await fresh.GetAsync("/api/v2/safe");

        await drop.Should().ThrowAsync<HttpRequestException>();
        (await _api.Get("safe")).Code.Should().Be(200);
        _simulator.RequestLog.Select(e => e.Status).Should().Equal(0, 200);
    }

    [Fact]
    public async Task TimeoutNext_HoldsLongerThanTheClientWaits()
    {
        _simulator.SetFaults(new FaultSettings { TimeoutNextRequests = 1, TimeoutHoldMs = 20_000 });
        using var impatient = FudoApi.Client(_simulator, _simulator.ApiKey, TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var call = async () => await impatient.GetAsync("/api/v2/safe");

        await call.Should().ThrowAsync<TaskCanceledException>();
        clock.ElapsedMilliseconds.Should().BeLessThan(10_000, "the client gave up, not the server");
        // On a loaded machine the abandoned request may reach the server late (or never): wait for the fault to be
        // used up (bounded), then make sure nothing is left pending, so the next call tests the server, not the race.
        for (var i = 0; i < 100 && _simulator.Faults.TimeoutNextRequests > 0; i++)
        {
            await Task.Delay(50);
        }

        _simulator.SetFaults(new FaultSettings());
        (await _api.Get("safe")).Code.Should().Be(200);
    }

    [Fact]
    public async Task TimeoutNext_WhenTheClientWaits_AnswersGatewayTimeout_WithoutExecuting()
    {
        _simulator.SetFaults(new FaultSettings { TimeoutNextRequests = 1, TimeoutHoldMs = 200 });

        var reply = await _api.Post("safe", new { name = "timed-out" });

        reply.Status.Should().Be(HttpStatusCode.GatewayTimeout);
        (await _api.Get("safe?filter=name.eq(timed-out)")).Json["safe"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Faults_DoNotApplyToAdminEndpoints()
    {
        _simulator.SetFaults(new FaultSettings { FailNextRequests = 5, DropNextRequests = 1 });
        using var http = FudoApi.Client(_simulator, _simulator.ApiKey, TimeSpan.FromSeconds(10));

        var response = await http.GetAsync("/_sim/faults");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _simulator.Faults.DropNextRequests.Should().Be(1, "admin requests consume no fault");
    }

    private async Task<List<int>> StatusesAsync(int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await _api.Get("user?fields=")).Code);
        }

        return statuses;
    }
}
