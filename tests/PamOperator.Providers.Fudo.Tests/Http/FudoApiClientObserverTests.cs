using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Tests.Support;
using Xunit;
using static PamOperator.Providers.Fudo.Tests.Support.ScriptedHandler;

namespace PamOperator.Providers.Fudo.Tests.Http;

public class FudoApiClientObserverTests
{
    [Fact]
    public async Task Get_503Then200_ObserverSeesEveryAttemptWithItsStatus()
    {
        var observer = new RecordingObserver();
        var handler = new ScriptedHandler(
            _ => Json(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => Json(HttpStatusCode.OK, """{"result":"success","safe":[]}"""));
        using var client = Create(handler, observer);

        await client.SendAsync(HttpMethod.Get, "safe", null, CancellationToken.None);

        observer.Calls.Should().Equal([("fudo", "GET", 503), ("fudo", "GET", 200)], "a retry is an attempt of its own");
    }

    [Fact]
    public async Task Post_409_ObservedOnceWithStatus_AndNothingElse()
    {
        var observer = new RecordingObserver();
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.Conflict, """{"result":"error","message":"exists"}"""));
        using var client = Create(handler, observer);

        var act = () => client.CreateAsync("safe", new JsonObject { ["name"] = "x" }, CancellationToken.None);

        await act.Should().ThrowAsync<PamApiException>();
        observer.Calls.Should().Equal([("fudo", "POST", 409)], "a write is one attempt, reported with its answer");
    }

    [Fact]
    public async Task Get_ConnectionRefused_ObservedWithStatusZero()
    {
        var observer = new RecordingObserver();
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("connection refused"));
        using var client = Create(handler, observer, retries: 1);

        var act = () => client.SendAsync(HttpMethod.Get, "safe", null, CancellationToken.None);

        await act.Should().ThrowAsync<PamApiException>();
        observer.Calls.Should().Equal([("fudo", "GET", 0), ("fudo", "GET", 0)], "no answer is status 0, retries included");
    }

    [Fact]
    public void Options_WithObserver_ToStringStillHidesTheKey()
    {
        var options = new FudoClientOptions { Endpoint = new Uri("http://127.0.0.1:9/"), ApiKey = "canary-api-key", CallObserver = new RecordingObserver() };

        options.ToString().Should().NotContain("canary-api-key");
    }

    private static FudoApiClient Create(HttpMessageHandler handler, IApiCallObserver observer, int retries = 3) =>
        new(new FudoClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:9/"),
            ApiKey = "canary-api-key",
            MaxReadRetries = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestsPerSecond = 1000,
            Burst = 1000,
            CallObserver = observer,
        }, handler);
}
