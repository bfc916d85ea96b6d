using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Docs;

/// <summary>The docs stay true to the code: every code this area owns is explained, every field is described.</summary>
public class DocsTests
{
    [Fact]
    public void DiagnosticsDoc_ExplainsEveryCode()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "diagnostics.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Catalogs.Default.Registry.Modules.SelectMany(m => m.DiagnosticCodes))
            .ToList();

        codes.Should().HaveCountGreaterThan(60).And.OnlyContain(c => Regex.IsMatch(c, "^PAM[0-9]{3}$"));
        codes.Where(c => !doc.Contains($"### {c}", StringComparison.Ordinal)).Should().BeEmpty("each code has a section");
    }

    [Fact]
    public void CodesInThisArea_AreUnique()
    {
        var values = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Catalogs.Default.Registry.Modules.SelectMany(m => m.DiagnosticCodes));

        values.Should().OnlyHaveUniqueItems("a code is never reused");
    }

    [Fact]
    public void ManifestsDoc_DescribesEveryKindAndField()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "manifests.md"));

        foreach (var kind in Catalogs.Default.AllWithProviderConfig)
        {
            doc.Should().Contain($"## {kind.Kind}");
            foreach (var field in Flatten(kind.Fields).Concat(ControlFieldDescriptors.All))
            {
                (doc.Contains($"`{field.Name}`", StringComparison.Ordinal) || doc.Contains($".{field.Name}`", StringComparison.Ordinal))
                    .Should().BeTrue($"{kind.Kind}.{field.Name} is documented (as `name` or `group.name`)");
            }
        }

        doc.Should().Contain(".pamctlignore").And.Contain("pamoperator.io/external-name").And.Contain("rotateSecretAfter");
    }

    private static IEnumerable<FieldDescriptor> Flatten(IEnumerable<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.Type is FieldType.Object or FieldType.ObjectList ? [f, .. Flatten(f.Fields)] : new[] { f });
}
