using System.Diagnostics;
using FluentAssertions;
using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using Xunit;

namespace PamOperator.Cli.Tests.Targets;

/// <summary>Two runs in one directory cannot race on .pamctl/: the second waits briefly, then fails with PAM408 (S1 item 9).</summary>
public sealed class EmbeddedStateLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pamctl-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string State => Path.Combine(_dir, ".pamctl");

    [Fact]
    public async Task Acquire_WhileHeld_FailsAfterTheWaitWithPam408_AndSucceedsOnceReleased()
    {
        var first = await EmbeddedStateLock.AcquireAsync(State, TimeSpan.Zero, new DiagnosticBag(), CancellationToken.None);
        first.Should().NotBeNull();
        var diagnostics = new DiagnosticBag();
        var clock = Stopwatch.StartNew();

        var second = await EmbeddedStateLock.AcquireAsync(State, TimeSpan.FromMilliseconds(300), diagnostics, CancellationToken.None);

        second.Should().BeNull();
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250), "it waited before giving up");
        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM408");
        first!.Dispose();
        using var third = await EmbeddedStateLock.AcquireAsync(State, TimeSpan.Zero, new DiagnosticBag(), CancellationToken.None);
        third.Should().NotBeNull("a released lock can be taken again (the lock file stays, harmlessly)");
    }

    [Fact]
    public async Task Plan_WhileAnotherRunHoldsTheState_WaitsAndRunsWhenItIsReleased()
    {
        var held = await EmbeddedStateLock.AcquireAsync(State, TimeSpan.Zero, new DiagnosticBag(), CancellationToken.None);
        var manifests = Path.Combine(RepositoryPaths.Examples, "quickstart");
        var release = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => held!.Dispose(), TaskScheduler.Default);

        var plan = await CliHarness.RunInAsync(_dir, new Dictionary<string, string>(), "", false, "plan", "-f", manifests, "--embedded");
        await release;

        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("Plan: 4 to add");
    }

    [Fact]
    public async Task Plan_WhileAnotherRunKeepsTheState_FailsWithPam408_BeforeTouchingIt()
    {
        using var held = await EmbeddedStateLock.AcquireAsync(State, TimeSpan.Zero, new DiagnosticBag(), CancellationToken.None);
        var manifests = Path.Combine(RepositoryPaths.Examples, "quickstart");

        var plan = await CliHarness.RunInAsync(_dir, new Dictionary<string, string>(), "", false, "plan", "-f", manifests, "--embedded");

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("error PAM408: another pamctl run is using the embedded simulator's state").And.NotContain("internal error");
        File.Exists(Path.Combine(State, EmbeddedSimulator.DatabaseFile("fudo"))).Should().BeFalse("nothing was read or written");
    }
}
