using FluentAssertions;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Reads are retried through 429 and 5xx answers; writes are never repeated blindly, so an object exists once.
/// (A dropped connection on a create is covered at the provider level, FudoStepSessionTests: the simulator's "next N
/// requests" faults cannot single out a write that follows an observe phase.)</summary>
public class ApplyRetryTests
{
    private const string Safe = "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: retried\nspec: {}\n";

    [Theory]
    [InlineData("Atomic", 429)]
    [InlineData("Atomic", 503)]
    [InlineData("Journal", 429)]
    [InlineData("Journal", 503)]
    public async Task Apply_ObserveMeetsTransientAnswers_RetriesReadsAndWritesOnce(string mode, int status)
    {
        await using var ws = await SimulatorWorkspace.StartAsync(mode, requestsPerSecond: 1000);
        ws.Write("manifests/safe.yaml", Safe);
        ws.Simulator.SetFaults(status == 429
            ? new FaultSettings { RateLimitNextRequests = 3, RetryAfterSeconds = 0 }
            : new FaultSettings { FailNextRequests = 3, FailureStatusCode = 503 });

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(0, apply.All);
        var log = ws.Simulator.RequestLog;
        log.Count(r => r.Method == "GET" && r.Status == status).Should().Be(3, "the first three reads were refused");
        log.Where(r => r.Method != "GET").Should().ContainSingle("the write is sent once").Which.Status.Should().Be(200);
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        plan.ExitCode.Should().Be(0, plan.All);
    }
}
