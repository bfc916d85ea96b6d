using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Independent steps of a non-transactional apply really run at the same time, never more than Parallelism.</summary>
public class ApplierParallelismTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Apply_TwoIndependentCreates_OverlapInTime()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None, [Manifests.Safe("a"), Manifests.Safe("b")], []);
        var started = new[] { "a", "b" }.Select(n => scenario.Session.StartSignal($"create fudo_safe.{n}").Task).ToArray();
        var gates = new[] { "a", "b" }.Select(n => scenario.Session.Gate($"create fudo_safe.{n}")).ToArray();

        var apply = scenario.RunAsync();
        // Both writes have started while neither may finish: they overlap. Bounded, so a sequential applier fails here.
        await Task.WhenAll(started).WaitAsync(Bound);
        foreach (var gate in gates)
        {
            gate.SetResult();
        }

        var result = await apply;

        result.Succeeded.Should().BeTrue();
        scenario.Session.MaxConcurrent.Should().Be(2);
    }

    [Fact]
    public async Task Apply_ManyIndependentCreates_NeverMoreThanParallelismAtOnce()
    {
        var names = Enumerable.Range(1, 8).Select(i => $"s{i}").ToArray();
        var scenario = new ApplyScenario(TransactionGuarantee.None, names.Select(n => Manifests.Safe(n)), []);
        var gates = names.ToDictionary(n => n, n => scenario.Session.Gate($"create fudo_safe.{n}"));
        var started = names.ToDictionary(n => n, n => scenario.Session.StartSignal($"create fudo_safe.{n}").Task);

        var apply = scenario.RunAsync(parallelism: 3);
        // Ready steps start in name order: s1..s3 fill the three slots and block on their gates.
        await Task.WhenAll(started["s1"], started["s2"], started["s3"]).WaitAsync(Bound);
        scenario.Session.Writes.Should().HaveCount(3, "the fourth write waits for a free slot");
        for (var i = 0; i < names.Length; i++)
        {
            gates[names[i]].SetResult();
            if (i + 3 < names.Length)
            {
                // Releasing one slot lets exactly the next one start.
                await started[names[i + 3]].WaitAsync(Bound);
            }
        }

        var result = await apply;

        result.Succeeded.Should().BeTrue();
        scenario.Session.MaxConcurrent.Should().Be(3);
        scenario.WrittenIds.Skip(3).Should().Equal(names.Skip(3).Select(n => $"create fudo_safe.{n}"), "each freed slot goes to the next ready step");
    }

    [Fact]
    public async Task Apply_AtomicSession_StagesOneWriteAtATimeWhateverTheParallelism()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.Atomic, Enumerable.Range(1, 6).Select(i => Manifests.Safe($"s{i}")), []);

        var result = await scenario.RunAsync(parallelism: 10);

        result.Succeeded.Should().BeTrue();
        scenario.Session.MaxConcurrent.Should().Be(1, "WriteAsync may be called concurrently only on sessions without a transaction");
    }
}
