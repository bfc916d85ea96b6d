using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>The writer picks one atomic batch when the server has it and the plan fits, else step-by-step writes.</summary>
public class FudoWriterTests
{
    private static readonly WriteOperation Pair = WriteTarget.Create(WriteKinds.UserSafe, "user=bob,safe=ops",
        """{"user":"bob","safe":"ops","timePolicy":[{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"18:00:00"},{"dayOfWeek":"Friday","validFrom":"08:00:00","validTo":"12:00:00"}]}""");

    [Theory]
    [InlineData(true, 500, TransactionGuarantee.Atomic, "the plan fits one batch")]
    [InlineData(true, 4, TransactionGuarantee.Atomic, "a safe (1) and a pair with two windows (3) are exactly 4 requests")]
    [InlineData(true, 3, TransactionGuarantee.None, "4 requests exceed a batch of 3: step by step with compensation")]
    [InlineData(false, 500, TransactionGuarantee.None, "the server has no atomic batch (Fudo 5.3)")]
    public async Task Begin_ChoosesTheSessionByServerAndPlanSize(bool atomicBatch, int maxBatch, TransactionGuarantee expected, string reason)
    {
        await using var target = await WriteTarget.StartAsync();
        var writer = target.Writer(target.Options with { UseAtomicBatch = atomicBatch, MaxBatchSize = maxBatch });

        await using var session = await writer.BeginAsync([WriteTarget.Create(WriteKinds.Safe, "ops", "{}"), Pair], LiveState.Empty, CancellationToken.None);

        session.Guarantee.Should().Be(expected, reason);
        target.Simulator.RequestLog.Should().BeEmpty("opening a session sends nothing");
    }
}
