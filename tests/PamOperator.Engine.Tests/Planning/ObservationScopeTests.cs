using FluentAssertions;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class ObservationScopeTests
{
    [Fact]
    public void For_SafesOnly_ObservesSafesOnly()
    {
        var types = ObservationScope.For([Manifests.Safe("a")], TestCatalog.All, prune: false);

        types.Select(t => t.WireType).Should().Equal(["safe"], "a safe references nothing and cannot be replaced, so no dependent matters");
    }

    [Fact]
    public void For_Accounts_ObservesReferencedTypesAndReplaceableDependents()
    {
        var types = ObservationScope.For([Manifests.Account("a", """{"server":"db-01"}""")], TestCatalog.All, prune: false);

        types.Select(t => t.WireType).Should().Equal(
            ["account", "account_safe_listener", "server"],
            "server is referenced; account_safe_listener references the replaceable account and would be recreated");
    }

    [Fact]
    public void For_Assignment_ObservesEveryReferencedType()
    {
        var types = ObservationScope.For([Manifests.UserSafe("x", """{"user":"alice","safe":"ops"}""")], TestCatalog.All, prune: false);

        types.Select(t => t.WireType).Should().Equal("safe", "user", "user_safe");
    }

    [Fact]
    public void For_Prune_ObservesEveryManagedKind()
    {
        var types = ObservationScope.For([], TestCatalog.All, prune: true);

        types.Select(t => t.WireType).Should().Equal("account", "account_safe_listener", "listener", "safe", "server", "user", "user_safe");
    }
}
