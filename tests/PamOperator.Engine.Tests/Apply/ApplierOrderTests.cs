using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Apply follows the plan's dependency graph: parents are created first, children deleted first, and a
/// replace deletes before it creates, with the dependents of the replaced object around it.</summary>
public class ApplierOrderTests
{
    private const string ListenerAddress = "fudo_account_safe_listener_assignment.account=db-admin,safe=ops,listener=ssh-gw";

    [Theory]
    [InlineData(TransactionGuarantee.None, "a plain session walks the graph in parallel")]
    [InlineData(TransactionGuarantee.Atomic, "an atomic session stages in topological order")]
    public async Task Apply_Creates_ParentsBeforeChildren(TransactionGuarantee guarantee, string reason)
    {
        var scenario = new ApplyScenario(guarantee,
        [
            Manifests.Listener("acc-via-new", """{"account":"acc","safe":"new","listener":"ssh-gw"}"""),
            Manifests.UserSafe("alice-new", """{"user":"alice","safe":"new"}"""),
            Manifests.Account("acc", """{"server":"db-01","login":"root"}"""),
            Manifests.Safe("new"),
        ], []);

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeTrue(reason);
        var order = scenario.WrittenIds.ToList();
        order.Should().HaveCount(4);
        order.IndexOf("create fudo_safe.new").Should().BeLessThan(order.IndexOf("create fudo_user_safe_assignment.alice-new"), reason);
        order.IndexOf("create fudo_safe.new").Should().BeLessThan(order.IndexOf("create fudo_account_safe_listener_assignment.acc-via-new"), reason);
        order.IndexOf("create fudo_account.acc").Should().BeLessThan(order.IndexOf("create fudo_account_safe_listener_assignment.acc-via-new"), reason);
        result.Added.Should().Be(4);
    }

    [Theory]
    [InlineData(TransactionGuarantee.None)]
    [InlineData(TransactionGuarantee.Atomic)]
    public async Task Apply_PrunedTree_DeletesChildrenBeforeParents(TransactionGuarantee guarantee)
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("old")]));
        var scenario = new ApplyScenario(guarantee, [],
            [Live.Safe("old"), Live.UserSafe("alice", "old"), Live.Account("old-acc"), Live.Listener("old-acc", "old", "ssh-gw")], options);

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeTrue();
        result.Destroyed.Should().Be(4);
        var order = scenario.WrittenIds.ToList();
        var listener = "delete fudo_account_safe_listener_assignment.account=old-acc,safe=old,listener=ssh-gw";
        order.IndexOf(listener).Should().BeLessThan(order.IndexOf("delete fudo_safe.old"));
        order.IndexOf(listener).Should().BeLessThan(order.IndexOf("delete fudo_account.old-acc"));
        order.IndexOf("delete fudo_user_safe_assignment.user=alice,safe=old").Should().BeLessThan(order.IndexOf("delete fudo_safe.old"));
        scenario.Session.Writes.Should().OnlyContain(w => w.Operation == WriteKind.Delete && w.ExternalId != null,
            "a delete names the live object's id");
    }

    [Theory]
    [InlineData(TransactionGuarantee.None)]
    [InlineData(TransactionGuarantee.Atomic)]
    public async Task Apply_ReplaceChain_DeletesDependentThenObjectThenCreatesObjectThenDependent(TransactionGuarantee guarantee)
    {
        var account = Manifests.Account("db-admin", """{"type":"forward","server":"db-01","login":"root"}""");
        var scenario = new ApplyScenario(guarantee, [account],
            [Live.Account("db-admin"), Live.Safe("ops"), Live.Listener("db-admin", "ops", "ssh-gw")]);

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeTrue();
        scenario.WrittenIds.Should().Equal(
            $"delete {ListenerAddress}", "delete fudo_account.db-admin", "create fudo_account.db-admin", $"create {ListenerAddress}");
        var recreated = scenario.Session.Writes[2];
        recreated.Spec!["type"]!.ToString().Should().Be("forward", "the replacement carries the desired spec");
        scenario.Session.Writes[3].Spec!["account"]!.ToString().Should().Be("db-admin", "the dependent refers to the object by name, so it follows the new id");
        (result.Added, result.Changed, result.Destroyed).Should().Be((2, 0, 2), "a replace counts as one added and one destroyed");
    }

    [Fact]
    public async Task Apply_UpdateThatDropsReferenceToPrunedObject_UpdatesBeforeDeleting()
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("old-", "Account")]));
        var scenario = new ApplyScenario(TransactionGuarantee.None,
            [Manifests.Account("app", """{"server":"db-01","login":"root"}""")],
            [Live.Account("app", """{"passwordChanger":"old-changer"}"""), Live.Account("old-changer")], options);

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeTrue();
        scenario.WrittenIds.Should().Equal("update fudo_account.app", "delete fudo_account.old-changer");
        var update = scenario.Session.Writes[0];
        update.Spec!.ToJsonString().Should().Be("""{"passwordChanger":null}""", "an update sends only the changed members; null clears");
        update.LiveSpec!["passwordChanger"]!.ToString().Should().Be("old-changer");
    }
}
