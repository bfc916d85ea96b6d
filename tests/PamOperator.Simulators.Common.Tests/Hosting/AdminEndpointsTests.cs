using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Common.Tests.Support;

namespace PamOperator.Simulators.Common.Tests.Hosting;

/// <summary>The kit's <c>/_sim</c> endpoints, the same for every vendor.</summary>
public sealed class AdminEndpointsTests : IAsyncLifetime
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
    public async Task PutFaults_AppliesThem_GetShowsWhatIsLeft_DeleteTurnsThemOff()
    {
        (await Put("""{"failNextRequests":2,"retryAfterSeconds":3}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Http.GetAsync(new Uri("api/items", UriKind.Relative));

        var current = JsonNode.Parse(await Http.GetStringAsync(new Uri("_sim/faults", UriKind.Relative)))!;
        current["failNextRequests"]!.GetValue<int>().Should().Be(1);
        current["retryAfterSeconds"]!.GetValue<int>().Should().Be(3);
        (await Http.DeleteAsync(new Uri("_sim/faults", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        Vendor.Host.Faults.Current.Should().Be(new FaultSettings());
    }

    [Theory]
    [InlineData("""{"latencyMs":-1}""", "latency", "out of range")]
    [InlineData("""{"latncyMs":5}""", "latncyMs", "an unknown setting is a typo, not ignored")]
    [InlineData("""not json""", "malformed", "not JSON")]
    public async Task PutFaults_Invalid_Is400_AndChangesNothing(string body, string mentioned, string reason)
    {
        using var response = await Put(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, reason);
        (await response.Content.ReadAsStringAsync()).Should().Contain(mentioned);
        Vendor.Host.Faults.Current.Should().Be(new FaultSettings());
    }

    [Fact]
    public async Task Requests_ListsTheLog_AndDeleteClearsIt()
    {
        await Http.GetAsync(new Uri("api/items", UriKind.Relative));

        var listed = JsonNode.Parse(await Http.GetStringAsync(new Uri("_sim/requests", UriKind.Relative)))!["requests"]!.AsArray();
        (await Http.DeleteAsync(new Uri("_sim/requests", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        listed.Should().ContainSingle();
        listed[0]!["pathAndQuery"]!.GetValue<string>().Should().Be("/api/items");
        listed[0]!.AsObject().Select(p => p.Key).Should().Equal("startedAt", "endedAt", "method", "pathAndQuery", "status", "durationMs");
        Vendor.Host.RequestLog.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task Reset_CallsTheVendor_ThenClearsFaultsAndLog()
    {
        await Http.GetAsync(new Uri("api/items", UriKind.Relative));
        Vendor.Host.Faults.Apply(new FaultSettings { LatencyMs = 10 });

        (await Http.PostAsync(new Uri("_sim/reset", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);

        Vendor.Resets.Should().Be(1);
        Vendor.Host.Faults.Current.Should().Be(new FaultSettings());
        Vendor.Host.RequestLog.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownAdminPath_And_PathOutsideTheApi_Are404()
    {
        (await Http.GetAsync(new Uri("_sim/nothing", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync(new Uri("elsewhere", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Vendor.Host.RequestLog.Snapshot().Should().BeEmpty("only API paths are logged");
    }

    private Task<HttpResponseMessage> Put(string body) =>
        Http.PutAsync(new Uri("_sim/faults", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
