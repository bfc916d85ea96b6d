using PamOperator.Core.Schema;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Fingerprints;

public class StateFingerprintTests
{
    private static readonly ObjectType[] Types = TestCatalog.Types("account", "safe");

    [Fact]
    public void Compute_SameObjectsInAnotherOrderAndMemberOrder_GivesSameFingerprint()
    {
        var a = Live.Safe("a", """{"requiredVotes":1}""");
        var reordered = a with { Spec = Reverse(a.Spec) };

        var first = StateFingerprint.Compute(new LiveState([a, Live.Safe("b")]), Types);
        var second = StateFingerprint.Compute(new LiveState([Live.Safe("b"), reordered]), TestCatalog.Types("safe", "account", "safe"));

        second.Value.Should().Be(first.Value);
        second.Value.Should().MatchRegex("^[0-9a-f]{64}$");
        first.Compare(second).Should().BeEmpty();
    }

    [Fact]
    public void Compare_ObjectChangedAddedRemoved_NamesEachObject()
    {
        var before = StateFingerprint.Compute(new LiveState([Live.Safe("a"), Live.Safe("gone"), Live.Account("x")]), Types);
        var after = StateFingerprint.Compute(
            new LiveState([Live.Safe("a", """{"blocked":true}"""), Live.Safe("new"), Live.Account("x")]), Types);

        after.Value.Should().NotBe(before.Value);
        before.Compare(after).Select(d => d.ToString()).Should().Equal(
            "fudo.pamoperator.io/safe a: changed", "fudo.pamoperator.io/safe gone: removed", "fudo.pamoperator.io/safe new: added");
    }

    [Fact]
    public void Compute_OnlyObservedTypesCount()
    {
        var safes = new LiveState([Live.Safe("a")]);
        var withUnobserved = new LiveState([Live.Safe("a"), Live.Referenced("server", "db-09")]);

        StateFingerprint.Compute(withUnobserved, TestCatalog.Types("safe")).Value.Should().Be(StateFingerprint.Compute(safes, TestCatalog.Types("safe")).Value);
    }

    [Fact]
    public void Compute_SecretRotatedInPam_ChangesTheObjectHash()
    {
        var account = Live.Account("x", secretUpdatedAt: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var rotated = account with { SecretUpdatedAt = account.SecretUpdatedAt!.Value.AddDays(1) };

        var before = StateFingerprint.Compute(new LiveState([account]), Types);
        var after = StateFingerprint.Compute(new LiveState([rotated]), Types);

        before.Compare(after).Should().ContainSingle().Which.Change.Should().Be(FingerprintChangeKind.Changed);
    }

    private static JsonObject Reverse(JsonObject spec) =>
        new(spec.Reverse().Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())));
}
