using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Runs;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Runs;

public class ReconciliationTests
{
    [Fact]
    public async Task PlanAsync_ObservesTheScopeThenPlans_ReportingProgressThroughHooks()
    {
        var reader = new FakeLiveStateReader([Live.Safe("ops"), Live.Safe("old"), Live.Account("db-admin"), .. Live.Surroundings()]);
        var hooks = new RecordingHooks();
        var target = Target(reader, [Manifests.Safe("ops", """{"blocked":true}"""), Manifests.UserSafe("alice-ops", """{"user":"alice","safe":"ops"}""")]);

        var section = await Reconciliation.PlanAsync(target, hooks, CancellationToken.None);

        reader.Requests.Should().ContainSingle().Which.Should().Equal(TestCatalog.Types("safe", "user", "user_safe"));
        hooks.Events.Should().Equal(
            "observe safe,user,user_safe",
            "read safe 2",
            "read user 2",
            "observed safe 2",
            "observed user 2",
            "observed user_safe 0",
            "planned 2: +1 ~1 -0");
        section.Plan.Change("fudo_safe.ops").Action.Should().Be(PlanAction.Update);
        section.Plan.Fingerprint.ObservedTypes.Should().Equal(TestCatalog.Types("safe", "user", "user_safe"));
        section.Plan.Target.Should().Be("fake pam", "saved plans record the connection's target identity");
        section.Failure.Should().BeNull();
    }

    [Fact]
    public async Task PlanAsync_PamUnreadable_IsTheSectionsDiagnosticNotAnException()
    {
        var target = Target(new ThrowingReader(new PamApiException(ApiErrorKind.Unauthorized, "401 from the PAM", 401)), [Manifests.Safe("ops")]);

        var section = await Reconciliation.PlanAsync(target, null, CancellationToken.None);

        section.Failure!.Code.Should().Be("PAM502");
        section.Plan.HasErrors.Should().BeTrue();
        section.Plan.Changes.Should().BeEmpty("nothing is planned against a PAM that could not be read");
    }

    [Fact]
    public async Task PlanAllAsync_OnePamFails_TheOtherIsStillPlanned()
    {
        var good = Target(new FakeLiveStateReader(Live.Surroundings()), [Manifests.Safe("ops")]) with { Name = "prod" };
        var bad = Target(new ThrowingReader(new PamApiException(ApiErrorKind.Transient, "connection refused")), [Manifests.Safe("ops")]) with { Name = "staging" };

        var run = await Reconciliation.PlanAllAsync([good, bad], null, CancellationToken.None);

        run.Pams.Select(p => p.Target.Name).Should().Equal("prod", "staging");
        run.Find("prod")!.Plan.Summary.Add.Should().Be(1);
        run.Find("staging")!.Failure!.Code.Should().Be("PAM501");
        run.HasErrors.Should().BeTrue("one PAM could not be read, so the run must not be applied");
    }

    [Fact]
    public async Task PlanAsync_PamUnreadable_TellsTheHooksTheFailureAndPlansNothing()
    {
        var hooks = new RecordingHooks();
        var target = Target(new ThrowingReader(new PamApiException(ApiErrorKind.Transient, "connection refused", 0)), [Manifests.Safe("ops")]);

        await Reconciliation.PlanAsync(target, hooks, CancellationToken.None);

        hooks.Events.Should().Equal("observe safe", "failed PAM501");
    }

    [Fact]
    public async Task ObserveAllAsync_ReportsPagesAndCountsButNoPlan()
    {
        var hooks = new RecordingHooks();
        var target = Target(new FakeLiveStateReader([Live.Safe("ops"), Live.Safe("old"), Live.Safe("new")]), []);

        var section = await Reconciliation.ObserveAllAsync(target, [.. TestCatalog.All.Where(k => k.WireType == "safe")], hooks, CancellationToken.None);

        section.Failure.Should().BeNull();
        hooks.Events.Should().Equal("observe safe", "read safe 3", "observed safe 3");
    }

    [Fact]
    public async Task PlanAsync_Cancelled_Throws()
    {
        var target = Target(new FakeLiveStateReader([]), []);

        var act = () => Reconciliation.PlanAsync(target, null, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static PamTarget Target(ILiveStateReader reader, IReadOnlyList<Core.Manifests.ManifestObject> desired) => new()
    {
        Name = "default",
        Description = "a fake PAM",
        Connection = new FakeConnection(reader),
        Kinds = TestCatalog.All,
        Desired = desired,
    };

    private sealed class ThrowingReader(PamApiException error) : ILiveStateReader
    {
        public Task<LiveState> ObserveAsync(IReadOnlyCollection<Core.Schema.ObjectType> types, CancellationToken cancellationToken) =>
            Task.FromException<LiveState>(error);
    }
}
