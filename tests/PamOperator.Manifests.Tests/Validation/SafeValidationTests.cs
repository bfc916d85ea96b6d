using FluentAssertions;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

public class SafeValidationTests
{
    [Fact]
    public async Task Read_SafeWithoutSpec_IsValid_AndKeepsTheSpecEmpty()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "prod-db"));

        result.Diagnostics.Should().BeEmpty();
        var safe = result.Objects.Should().ContainSingle().Subject;
        safe.Spec.Should().BeEmpty("defaults are not applied by the loader");
        safe.Control.Should().Be(ControlFields.Default);
        safe.Address.ToString().Should().Be("fudo_safe.prod-db");
    }

    [Fact]
    public async Task Read_Safe_RecordsFieldLocations()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "prod-db", "ssh:", "  x11: false"));

        var safe = result.Objects.Single();
        safe.LocationOf("spec.ssh.x11").Should().Be(new Core.Diagnostics.SourceLocation("<stdin>", 7, 5));
        safe.Location.Line.Should().Be(1);
    }

    [Theory]
    [InlineData("PAM201", 6, "blocked without a reason", "blocked: true")]
    [InlineData("PAM201", 6, "an empty reason is no reason", "blocked: true", "reason: ''")]
    [InlineData("PAM105", 6, "noteAccess outside its enumeration", "noteAccess: everything")]
    [InlineData("PAM104", 6, "yes is a string in YAML 1.2, not a boolean", "webclient: yes")]
    [InlineData("PAM104", 6, "a fraction for an integer", "requiredVotes: 1.5")]
    [InlineData("PAM104", 6, "an explicit null", "reason:")]
    [InlineData("PAM104", 6, "a scalar where a group is expected", "ssh: false")]
    [InlineData("PAM103", 7, "a misspelled nested field", "ssh:", "  x12: false")]
    [InlineData("PAM103", 6, "a flat wire name instead of the nested field", "ssh_x11: false")]
    public async Task Read_InvalidSafe_ReportsCodeAtLine(string code, int line, string reason, params string[] spec)
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "prod-db", spec));

        result.Errors().Should().ContainSingle(reason).Which.Should().Match<Core.Diagnostics.Diagnostic>(
            d => d.Code == code && d.Location!.Line == line && d.Address == "fudo_safe.prod-db");
        result.Objects.Should().BeEmpty("objects with errors are not handed to the engine");
    }

    [Fact]
    public async Task Read_UnknownField_SuggestsTheClosestName()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "prod-db", "requiredVote: 2"));

        result.Errors().Single().Detail.Should().Contain("Did you mean 'requiredVotes'?");
    }

    [Fact]
    public async Task Read_ManyProblems_AreAllReportedSorted()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Safe", "prod-db", "blocked: true", "noteAccess: x", "bogus: 1"));

        result.Codes().Should().Equal("PAM201", "PAM105", "PAM103");
        result.Diagnostics.Select(d => d.Location!.Line).Should().BeInAscendingOrder();
    }
}
