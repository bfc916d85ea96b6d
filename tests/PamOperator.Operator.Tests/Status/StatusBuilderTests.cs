using FluentAssertions;
using PamOperator.Operator.Status;
using Xunit;

namespace PamOperator.Operator.Tests.Status;

public sealed class StatusBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_SameConditionStatus_KeepsLastTransitionTime_AndAChangeMovesIt()
    {
        var first = StatusBuilder.Build(null, ObjectOutcome.Succeeded("7", "sha256:ab"), 1, T0);
        var same = StatusBuilder.Build(first, ObjectOutcome.Succeeded(null, null), 2, T0.AddHours(1));
        var failed = StatusBuilder.Build(same, ObjectOutcome.Failed(ConditionReasons.ReferenceNotReady, "safe x missing"), 3, T0.AddHours(2));

        same["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>().Should().Be("2026-11-22T08:00:00Z");
        same["observedGeneration"]!.GetValue<long>().Should().Be(2);
        same["externalId"]!.GetValue<string>().Should().Be("7", "an outcome without id keeps the known one");
        same["lastAppliedSecretHash"]!.GetValue<string>().Should().Be("sha256:ab");
        failed["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>().Should().Be("2026-11-22T10:00:00Z");
        failed["conditions"]![0]!["reason"]!.GetValue<string>().Should().Be("Unavailable", "the PAM object existed");
        failed["conditions"]![1]!["reason"]!.GetValue<string>().Should().Be("ReconcileError");
        failed["conditions"]![1]!["message"]!.GetValue<string>().Should().Be("ReferenceNotReady: safe x missing");
        first["conditions"]![0]!["reason"]!.GetValue<string>().Should().Be("Available");
        first["conditions"]![1]!["reason"]!.GetValue<string>().Should().Be("ReconcileSuccess");
    }

    [Fact]
    public void Build_NeverCreated_IsCreating_Deleting_IsDeleting_AndPausedKeepsReady()
    {
        var failed = StatusBuilder.Build(null, ObjectOutcome.Failed(ConditionReasons.ProviderUnavailable, "down"), 1, T0);
        var deleting = StatusBuilder.Build(failed, ObjectOutcome.Failed(ConditionReasons.Deleting, "retrying"), 2, T0, deleting: true);
        var ready = StatusBuilder.Build(null, ObjectOutcome.Succeeded("7", null), 1, T0);
        var paused = StatusBuilder.Build(ready, ObjectOutcome.PausedNow, 2, T0.AddHours(1));

        failed["conditions"]![0]!["reason"]!.GetValue<string>().Should().Be("Creating");
        deleting["conditions"]![0]!["reason"]!.GetValue<string>().Should().Be("Deleting");
        paused["conditions"]![0]!.ToJsonString().Should().Be(ready["conditions"]![0]!.ToJsonString(), "a paused object's Ready is left as it was");
        paused["conditions"]![1]!["reason"]!.GetValue<string>().Should().Be("ReconcilePaused");
        paused["conditions"]![1]!["status"]!.GetValue<string>().Should().Be("False");
    }
}
