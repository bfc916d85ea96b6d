using FluentAssertions;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlanRunnerTests
{
    [Fact]
    public async Task RunAsync_ObservesTheScopeThenPlans_ReportingProgressThroughHooks()
    {
        var reader = new FakeLiveStateReader([Live.Safe("ops"), Live.Safe("old"), Live.Account("db-admin"), .. Live.Surroundings()]);
        var hooks = new RecordingHooks();
        var request = new PlanRequest
        {
            Desired = [Manifests.Safe("ops", """{"blocked":true}"""), Manifests.UserSafe("alice-ops", """{"user":"alice","safe":"ops"}""")],
            Kinds = TestCatalog.All,
        };

        var plan = await new PlanRunner(reader, hooks).RunAsync(request, CancellationToken.None);

        reader.Requests.Should().ContainSingle().Which.Should().Equal("safe", "user", "user_safe");
        hooks.Events.Should().Equal(
            "observe safe,user,user_safe",
            "observed safe 2",
            "observed user 2",
            "observed user_safe 0",
            "planned 2: +1 ~1 -0");
        plan.Change("fudo_safe.ops").Action.Should().Be(PlanAction.Update);
        plan.Fingerprint.ObservedTypes.Should().Equal("safe", "user", "user_safe");
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        var runner = new PlanRunner(new FakeLiveStateReader([]));
        var request = new PlanRequest { Desired = [], Kinds = TestCatalog.All };

        var act = () => runner.RunAsync(request, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
