using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Engine.Hooks;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Runs;
using PamOperator.Providers.Fudo;
using PamOperator.Providers.Fudo.Kinds;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Vendors.Tests;

/// <summary>The engine's observe progress from a real reader over HTTP: the Fudo simulator holds more safes than one
/// page, so the reader reports each page as it is read, and the counts add up to what the observe returns.</summary>
public sealed class ObserveProgressTests : IAsyncLifetime
{
    private const int Safes = 2345;
    private static readonly KindDescriptor SafeKind = FudoKinds.All.Single(k => k.Kind == "Safe");
    private FudoSimulator _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await FudoSimulator.StartAsync(new FudoSimulatorOptions());
        await _sim.BulkInsertAsync("safe", Safes, "bulk-");
    }

    [Fact]
    public async Task ObserveAll_LargeFudo_ReportsEveryPageInOrderThenTheTypesCount()
    {
        await using var connection = await new FudoModule().ConnectAsync(new VendorConnectRequest
        {
            Name = "prod", Endpoint = _sim.BaseAddress, Credentials = _sim.ApiKey, RequestsPerSecond = 1000, Burst = 1000,
        }, CancellationToken.None);
        var target = new PamTarget { Name = "prod", Description = "the Fudo simulator", Connection = connection, Kinds = FudoKinds.All };
        var hooks = new Recorder();

        var section = await Reconciliation.ObserveAllAsync(target, [SafeKind], hooks, CancellationToken.None);

        section.Failure.Should().BeNull();
        var safes = section.Live.OfType(SafeKind.Type).Count;
        safes.Should().BeGreaterThanOrEqualTo(Safes);
        hooks.Events[0].Should().Be("prod observe");
        var pages = hooks.Events.Where(e => e.StartsWith("prod read safe ", StringComparison.Ordinal)).Select(e => int.Parse(e.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        pages.Should().HaveCount((safes + 999) / 1000, "one event per page of 1000");
        pages.Sum().Should().Be(safes, "the pages add up to what the observe returns");
        pages.Take(pages.Count - 1).Should().OnlyContain(p => p == 1000, "full pages come first, in page order");
        var finished = hooks.Events.FindIndex(e => e == $"prod observed safe {safes}");
        finished.Should().BeGreaterThan(hooks.Events.FindLastIndex(e => e.Contains(" read ", StringComparison.Ordinal)), "counts come after every page");
        hooks.Events.Should().NotContain(e => e.Contains("planned", StringComparison.Ordinal), "import plans nothing for people");
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private sealed class Recorder : IPlanHooks
    {
        private readonly Lock _gate = new();

        public List<string> Events { get; } = [];

        public void ObserveStarted(string pam, IReadOnlyList<ObjectType> types) => Add($"{pam} observe");

        public void ObjectsRead(string pam, ObjectType type, int count) => Add($"{pam} read {type.WireType} {count}");

        public void ObserveFinished(string pam, ObjectType type, int objectCount) => Add($"{pam} observed {type.WireType} {objectCount}");

        public void ObserveFailed(string pam, Diagnostic failure) => Add($"{pam} failed {failure.Code}");

        public void PlanFinished(string pam, PlanSummary summary, int changeCount) => Add($"{pam} planned {changeCount}");

        private void Add(string line)
        {
            lock (_gate)
            {
                Events.Add(line);
            }
        }
    }
}
