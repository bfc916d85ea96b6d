using System.Diagnostics;
using System.Text;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Planning at the scale of a real PAM costs list pages, not one call per object.</summary>
public class ScaleTests(ITestOutputHelper output)
{
    private const int Safes = 50_000;

    [Fact]
    public async Task Plan_FiftyThousandLiveObjectsUnchanged_MakesOnlyTheListPageCalls()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        await ws.Simulator.BulkInsertAsync("safe", Safes, "scale-");
        WriteManifests(ws);
        ws.Simulator.ClearRequestLog();

        var clock = Stopwatch.StartNew();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        clock.Stop();

        plan.ExitCode.Should().Be(0, plan.Error);
        plan.Out.Should().Contain("No changes.");
        var requests = ws.Simulator.RequestLog;
        var pages = (Safes + 1 + 999) / 1000; // the bulk safes and the fixtures' one, 1000 per page
        requests.Should().HaveCount(pages, "observe lists safes page by page and does nothing else");
        requests.Should().OnlyContain(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v2/safe?", StringComparison.Ordinal));
        requests.Select(r => r.PathAndQuery).Distinct().Should().HaveCount(pages, "no page is fetched twice");
        output.WriteLine($"plan over {Safes} live safes: {clock.ElapsedMilliseconds} ms, {requests.Count} API calls");
    }

    private static void WriteManifests(SimulatorWorkspace ws)
    {
        const int perFile = 5_000;
        for (var file = 0; file < Safes / perFile; file++)
        {
            var sb = new StringBuilder();
            for (var i = file * perFile + 1; i <= (file + 1) * perFile; i++)
            {
                sb.Append("apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: scale-").Append(i).Append("\nspec: {}\n---\n");
            }

            ws.Write($"manifests/safes-{file:00}.yaml", sb.ToString());
        }
    }
}
