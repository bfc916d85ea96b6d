using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using PamOperator.Manifests.Validation;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

/// <summary>Manifests go through one JSON stack (System.Text.Json with JsonSchema.Net 8, never 9+), and the schema
/// errors keep their codes and source positions inside lists and nested mappings.</summary>
public class SchemaStackTests
{
    [Fact]
    public void ManifestsAssembly_ReferencesJsonSchemaNet8_AndNoSecondJsonStack()
    {
        var references = typeof(SchemaValidator).Assembly.GetReferencedAssemblies();

        references.Select(r => r.Name).Should().NotContain(["NJsonSchema", "Newtonsoft.Json"]);
        references.Should().ContainSingle(r => r.Name == "JsonSchema.Net").Which.Version!.Major.Should().Be(8, "9+ charge companies a fee");
    }

    [Fact]
    public async Task Read_UnknownFieldInsideAListItem_IsReportedAtItsKey()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("UserSafeAssignment", "alice-prod",
            ["user: alice", "safe: prod-db", "useTimePolicy: true", "timePolicy:",
             "  - dayOfWeek: Monday", "    validFrom: '08:00:00'", "    validTo: '12:00:00'", "    validUntil: x"]));

        var error = result.Errors().Should().ContainSingle().Which;
        error.Code.Should().Be("PAM103");
        error.Summary.Should().Contain("spec.timePolicy[0].validUntil");
        error.Location!.Line.Should().Be(13);
        error.Location.Column.Should().Be(7);
    }

    [Fact]
    public async Task Read_WrongTypesAndMissingFields_EachKeepTheirCode()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("UserSafeAssignment", "alice-prod",
            ["user: alice", "useTimePolicy: 'yes'"]));

        result.Codes().Should().BeEquivalentTo(["PAM102", "PAM104"]);
        result.Errors().Single(d => d.Code == "PAM104").Detail.Should().Contain("write true or false");
    }
}
