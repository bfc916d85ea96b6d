using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerReferenceTests
{
    [Fact]
    public void Plan_AccountWithUnknownServer_ReportsDiagnosticAtTheField()
    {
        var account = Manifests.Account("db-admin", """{"login":"root","server":"db-99"}""");

        var plan = TestPlans.Make([account], []);

        var d = plan.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.UnresolvedReference);
        d.Severity.Should().Be(Severity.Error);
        d.Summary.Should().Be("spec.server: server \"db-99\" does not exist");
        d.Location.Should().Be(account.LocationOf("spec.server"));
        d.Location!.Line.Should().Be(7, "the test loader puts spec.server on the second spec line");
        d.Address.Should().Be("fudo_account.db-admin");
    }

    [Fact]
    public void Plan_ReferenceToDeclaredObject_IsADependencyEdge()
    {
        var assignment = Manifests.UserSafe("alice-new", """{"user":"alice","safe":"new-safe"}""");

        var plan = TestPlans.Make([assignment, Manifests.Safe("new-safe")], []);

        plan.Diagnostics.Should().BeEmpty("a declared object satisfies the reference even though it is not live yet");
        plan.Change("fudo_user_safe_assignment.alice-new").Dependencies.Should().Equal("fudo_safe.new-safe");
        plan.Change("fudo_safe.new-safe").Dependencies.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ReferenceToLiveOnlyObject_ResolvesWithoutEdge()
    {
        var plan = TestPlans.Make([Manifests.UserSafe("bob-ops", """{"user":"BOB","safe":"ops"}""")], [Live.Safe("ops")]);

        plan.Diagnostics.Should().BeEmpty();
        plan.Change("fudo_user_safe_assignment.bob-ops").Dependencies.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ReferenceToObjectThePlanPrunes_ReportsDiagnostic()
    {
        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("legacy-", "Safe")]));

        var plan = TestPlans.Make([Manifests.UserSafe("bob", """{"user":"bob","safe":"legacy-db"}""")], [Live.Safe("legacy-db")], options);

        plan.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ReferenceToDeletedObject)
            .Which.Summary.Should().Contain("legacy-db");
    }

    [Fact]
    public void Plan_DeclaredAccountsReferenceEachOther_ReportsCycleByName()
    {
        var a = Manifests.Account("a", """{"server":"db-01","passwordChanger":"b"}""");
        var b = Manifests.Account("b", """{"server":"db-01","passwordChanger":"a"}""");

        var plan = TestPlans.Make([a, b], []);

        var d = plan.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.DependencyCycle);
        d.Summary.Should().Be("dependency cycle: fudo_account.a -> fudo_account.b -> fudo_account.a");
        d.Location.Should().Be(a.Location);
    }

    [Fact]
    public void Plan_SameObjectDeclaredTwice_ReportsDuplicate()
    {
        var first = Manifests.Safe("prod-db");
        var second = Manifests.Safe("prod-db") with { Name = "prod-db-again", Annotations = new Dictionary<string, string>
        {
            [Core.Manifests.ManifestObject.ExternalNameAnnotation] = "PROD-DB",
        } };

        var plan = TestPlans.Make([first, second], []);

        plan.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.DuplicateDeclaration)
            .Which.Address.Should().Be("fudo_safe.prod-db-again");
        plan.Changes.Should().ContainSingle();
    }
}
