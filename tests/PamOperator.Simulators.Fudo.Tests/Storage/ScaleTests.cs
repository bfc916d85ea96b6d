using System.Diagnostics;
using System.Globalization;
using PamOperator.Simulators.Fudo.Tests.Support;
using Xunit.Abstractions;

namespace PamOperator.Simulators.Fudo.Tests.Storage;

/// <summary>100,000 safes inserted in bulk, then served page by page. Times are reported, not asserted (a shared CI
/// machine makes timing assertions flaky); the project's benchmark checks speed.</summary>
public class ScaleTests(SimulatorFixture fixture, ITestOutputHelper output) : IClassFixture<SimulatorFixture>
{
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task HundredThousandSafes_DeepPage_ReturnsTheRightThousand()
    {
        var insert = Stopwatch.StartNew();
        var bulk = await _api.Send(HttpMethod.Post, "/_sim/bulk", """{"type":"safe","count":100000,"namePrefix":"scale-"}""");
        insert.Stop();
        bulk.Json["count"]!.GetValue<int>().Should().Be(100_000);

        var page = Stopwatch.StartNew();
        // Offset 99001: the built-in fixtures hold one safe (TEAM-Audit-Archive) before the bulk ones.
        var reply = await _api.Get("safe?offset=99001&limit=1000");
        page.Stop();
        var byName = Stopwatch.StartNew();
        var lookup = await _api.Get("safe?filter=name.eq(scale-77777)&fields=id");
        byName.Stop();

        var names = reply.Json["safe"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        names.Should().HaveCount(1000);
        names[0].Should().Be("scale-99001");
        names[^1].Should().Be("scale-100000");
        lookup.Json["safe"]!.AsArray().Should().ContainSingle();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk insert 100000 safes: {insert.ElapsedMilliseconds} ms; page offset 99000 limit 1000: {page.ElapsedMilliseconds} ms; name lookup: {byName.ElapsedMilliseconds} ms"));
    }
}
