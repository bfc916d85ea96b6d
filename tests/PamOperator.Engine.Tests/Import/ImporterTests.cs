using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Engine.Import;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Import;

public class ImporterTests
{
    [Fact]
    public void Import_LiveSafe_LeavesDefaultsOut_KeepsWhatDiffers()
    {
        var live = new LiveState([Live.Safe("prod", """{"requiredVotes":2,"ssh":{"x11":false}}""")]);

        var (manifests, diagnostics) = Importer.Import(live, [TestCatalog.Safe]);

        diagnostics.Should().BeEmpty();
        manifests.Should().ContainSingle().Which.Document["spec"]!.ToJsonString()
            .Should().Be("""{"requiredVotes":2,"ssh":{"x11":false}}""", "defaults and attributes outside the schema are not written");
    }

    [Fact]
    public void Import_NameThatIsNoKubernetesName_KeepsItInTheExternalNameAnnotation()
    {
        var live = new LiveState([Live.Safe("Prod DB (EU)")]);

        var manifest = Importer.Import(live, [TestCatalog.Safe]).Manifests.Single();

        manifest.Name.Should().Be("prod-db-eu");
        manifest.Document["metadata"]!["annotations"]!["pamoperator.io/external-name"]!.ToString().Should().Be("Prod DB (EU)");
    }

    [Fact]
    public void Import_BuiltinAndHiddenObjects_AreLeftOut()
    {
        var live = new LiveState([Live.Safe("kept"), Live.Safe("shipped", builtin: true), Live.Safe("secret-ui", hidden: true)]);

        Importer.Import(live, [TestCatalog.Safe]).Manifests.Select(m => m.Name).Should().Equal("kept");
    }

    [Fact]
    public void Import_UnnamedKinds_AreNamedAfterTheirKey_AndCollisionsGetASuffix()
    {
        var live = new LiveState([Live.UserSafe("alice", "prod"), Live.UserSafe("Alice", "Prod.")]);

        var names = Importer.Import(live, [TestCatalog.UserSafeAssignment]).Manifests.Select(m => m.Name).ToList();

        names.Should().Equal(["alice.prod", "alice.prod-2"], "the two keys differ but sanitize to the same name");
    }

    [Fact]
    public void Import_ReferenceToAnUnlistedId_IsAWarning()
    {
        var live = new LiveState([Live.Account("orphaned", """{"server":"id:4711"}""")]);

        var (manifests, diagnostics) = Importer.Import(live, [TestCatalog.Account]);

        manifests.Should().ContainSingle();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be("PAM601");
    }

    [Theory]
    [InlineData("prod-db", "prod-db", "already valid")]
    [InlineData("Prod_DB", "prod-db", "upper case and underscores")]
    [InlineData("--a..b--", "a.b", "leading, trailing and doubled separators")]
    [InlineData("!!!", "object", "nothing usable left")]
    public void KubernetesName_From_MakesAValidName(string pamName, string expected, string reason) =>
        KubernetesName.From(pamName).Should().Be(expected, reason);
}
