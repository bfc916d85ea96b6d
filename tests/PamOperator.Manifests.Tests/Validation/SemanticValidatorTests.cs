using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

public class SemanticValidatorTests
{
    private const string Config = "apiVersion: pamoperator.io/v1alpha1\nkind: ProviderConfig\nmetadata: {name: NAME}\n"
        + "spec: {vendor: fudo, endpoint: 'https://fudo', credentials: {valueFrom: {env: K}}}\n";

    private static string Docs(params string[] documents) => string.Join("---\n", documents);

    [Fact]
    public async Task Read_TwoSafesWithTheSamePamNameInAnyCase_ReportsPam209()
    {
        var result = await Manifest.ReadAsync(Docs(
            Manifest.Object("Safe", "prod-db"),
            "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: other\n  annotations: {pamoperator.io/external-name: PROD-DB}\n"));

        var error = result.Errors().Should().ContainSingle().Subject;
        error.Code.Should().Be("PAM209");
        error.Location!.Line.Should().Be(6, "reported at the second declaration");
        error.Detail.Should().Contain("<stdin>:1:1");
    }

    [Fact]
    public async Task Read_TwoAssignmentsForTheSameUserAndSafe_ReportsPam209()
    {
        var result = await Manifest.ReadAsync(Docs(
            Manifest.Object("UserSafeAssignment", "a1", "user: alice", "safe: prod"),
            Manifest.Object("UserSafeAssignment", "a2", "user: Alice", "safe: PROD")));

        result.Codes().Should().Equal("PAM209");
    }

    [Fact]
    public async Task Read_SameMetadataNameForDifferentObjects_ReportsPam210()
    {
        var result = await Manifest.ReadAsync(Docs(
            Manifest.Object("SafeGrant", "g", "user: alice", "safe: a"),
            Manifest.Object("SafeGrant", "g", "user: bob", "safe: a")));

        result.Codes().Should().Equal("PAM210");
    }

    [Fact]
    public async Task Read_SameNameInDifferentKinds_IsFine()
    {
        var result = await Manifest.ReadAsync(Docs(Manifest.Object("Safe", "prod"), Manifest.Object("Account", "prod", "type: anonymous", "server: s")));

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Read_ReferenceInAnotherCaseThanTheDeclaredObject_Warns()
    {
        var result = await Manifest.ReadAsync(Docs(
            Manifest.Object("Account", "db-root", "type: anonymous", "server: s"),
            Manifest.Object("AccountGrant", "g", "user: auditor", "account: DB-Root")));

        result.Codes().Should().BeEquivalentTo(["PAM213", "PAM214"]);
        result.HasErrors.Should().BeFalse();
    }

    [Fact]
    public async Task Read_ReferenceToAnUndeclaredObject_IsNotAnError()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("SafeGrant", "g", "user: nobody-declared", "safe: live-only"));

        result.Diagnostics.Should().BeEmpty("it may exist live; the planner checks");
    }

    [Fact]
    public async Task Read_DanglingProviderConfigRef_ReportsPam211()
    {
        var result = await Manifest.ReadAsync(Docs(Config.Replace("NAME", "prod"), Manifest.Object("Safe", "s", "providerConfigRef: {name: staging}")));

        var error = result.Errors().Should().ContainSingle().Subject;
        error.Code.Should().Be("PAM211");
        error.Detail.Should().Contain("declared: prod");
    }

    [Fact]
    public async Task Read_SeveralProviderConfigs_RequireAReference()
    {
        var result = await Manifest.ReadAsync(Docs(
            Config.Replace("NAME", "a"), Config.Replace("NAME", "b"),
            Manifest.Object("Safe", "picked", "providerConfigRef: {name: b}"),
            Manifest.Object("Safe", "unpicked")));

        result.Errors().Should().ContainSingle().Which.Should().Match<Core.Diagnostics.Diagnostic>(d => d.Code == "PAM212" && d.Address == "fudo_safe.unpicked");
    }

    [Fact]
    public async Task Read_OneProviderConfig_IsTheDefault()
    {
        var result = await Manifest.ReadAsync(Docs(Config.Replace("NAME", "only"), Manifest.Object("Safe", "s")));

        result.Diagnostics.Should().BeEmpty();
        result.ProviderConfigs.Single().Name.Should().Be("only");
    }

    [Fact]
    public async Task Read_DuplicateProviderConfigNames_ReportsPam210()
    {
        var result = await Manifest.ReadAsync(Docs(Config.Replace("NAME", "p"), Config.Replace("NAME", "p")));

        result.Codes().Should().Equal("PAM210");
    }
}
