using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Simulators.Fudo;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>One atomic batch against the simulator: ids created earlier in the batch are substituted, and a refused
/// request leaves the PAM exactly as it was, naming the write at fault.</summary>
public class FudoBatchSessionTests
{
    private static IEnumerable<WriteOperation> Plan() =>
    [
        WriteTarget.Create(WriteKinds.Safe, "ops", """{"requiredVotes":1}"""),
        WriteTarget.Create(WriteKinds.Account, "ops-root",
            """{"type":"regular","server":"db-prod-01","method":"password","login":"root","secret":{"sensitive":true}}""",
            new Dictionary<string, string> { ["secret"] = "canary-batch-secret" }),
        WriteTarget.Create(WriteKinds.UserSafe, "user=bob,safe=ops",
            """{"user":"bob","safe":"ops","timePolicy":[{"dayOfWeek":"Monday","validFrom":"08:00:00","validTo":"18:00:00"}]}"""),
        WriteTarget.Create(WriteKinds.Listener, "account=ops-root,safe=ops,listener=ssh-gw", """{"account":"ops-root","safe":"ops","listener":"ssh-gw"}"""),
    ];

    private static async Task<IWriteSession> StageAsync(WriteTarget target, IReadOnlyList<WriteOperation> plan)
    {
        var session = await target.Writer().BeginAsync(plan, await target.ObserveAsync(), CancellationToken.None);
        session.Guarantee.Should().Be(TransactionGuarantee.Atomic);
        foreach (var op in plan)
        {
            (await session.WriteAsync(op, CancellationToken.None)).Staged.Should().BeTrue();
        }

        return session;
    }

    [Fact]
    public async Task Commit_ObjectsReferringToEachOther_CreatedInOneRequestWithTheirIds()
    {
        await using var target = await WriteTarget.StartAsync();
        var plan = Plan().ToList();
        await using var session = await StageAsync(target, plan);
        (await target.NamedAsync("safe", "ops")).Should().BeEmpty("nothing is sent before the commit");

        var commit = await session.CommitAsync(CancellationToken.None);

        commit.Succeeded.Should().BeTrue(commit.Error?.Message);
        target.Simulator.RequestLog.Where(r => r.Method != "GET").Select(r => r.PathAndQuery).Should().Equal("/api/v2/batch");
        var safeId = (await target.NamedAsync("safe", "ops")).Single()["id"]!.ToString();
        commit.CreatedIds["create safe.ops"].Should().Be(safeId);
        (await target.ListAsync("user/safe")).Single()!["safe_id"]!.ToString().Should().Be(safeId, "the substitution resolved to the new safe");
        (await target.ListAsync("user/safe/time_policy")).Should().ContainSingle();
        (await target.ListAsync("account/safe/listener")).Should().ContainSingle();
    }

    [Theory]
    [InlineData(1, "create safe.ops")]
    [InlineData(3, "create user_safe.user=bob,safe=ops")]
    [InlineData(4, "create user_safe.user=bob,safe=ops")]
    [InlineData(5, "create account_safe_listener.account=ops-root,safe=ops,listener=ssh-gw")]
    public async Task Commit_OneRequestRefused_ChangesNothingAndNamesTheWrite(int failingRequest, string blamed)
    {
        await using var target = await WriteTarget.StartAsync();
        var before = await target.DumpAsync();
        await using var session = await StageAsync(target, [.. Plan()]);
        target.Simulator.SetFaults(new FaultSettings { FailNthWrite = failingRequest });

        var commit = await session.CommitAsync(CancellationToken.None);

        commit.Succeeded.Should().BeFalse();
        commit.FailedOperationId.Should().Be(blamed, "the time-policy row (request 4) belongs to the pair's write");
        commit.Error!.Message.Should().StartWith("atomic batch refused, nothing was changed").And.NotContain("canary");
        (await target.DumpAsync()).Should().Be(before, "an atomic batch is all or nothing");
    }

    [Fact]
    public async Task Commit_AnswerLost_SaysTheOutcomeIsUnknown()
    {
        await using var target = await WriteTarget.StartAsync();
        await using var session = await StageAsync(target, [.. Plan()]);
        target.Handler.LoseNext = 1;

        var commit = await session.CommitAsync(CancellationToken.None);

        commit.Succeeded.Should().BeFalse();
        commit.FailedOperationId.Should().BeNull();
        commit.Error!.IsTransient.Should().BeTrue();
        commit.Error.Message.Should().Contain("outcome is unknown");
        target.Simulator.RequestLog.Count(r => r.PathAndQuery == "/api/v2/batch").Should().Be(1, "a batch is never sent twice");
    }
}
