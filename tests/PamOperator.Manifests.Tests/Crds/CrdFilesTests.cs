using FluentAssertions;
using PamOperator.Manifests.Crds;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Crds;

public class CrdFilesTests
{
    private static readonly string CrdDirectory = Repo.Path("crds");

    /// <summary>A schema change without regenerating crds/ fails here. Regenerate with <c>pamctl crds</c>, or run
    /// the tests with PAMCTL_REGENERATE=1.</summary>
    [Fact]
    public async Task CommittedCrds_MatchTheGenerator()
    {
        if (Environment.GetEnvironmentVariable("PAMCTL_REGENERATE") == "1")
        {
            await CrdFiles.WriteAsync(CrdDirectory, Catalogs.Default, CancellationToken.None);
        }

        var expected = CrdFiles.Render(Catalogs.Default);
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(CrdDirectory, name);
            File.Exists(path).Should().BeTrue($"{name} is generated; run `pamctl crds`");
            (await File.ReadAllTextAsync(path)).Should().Be(content, $"crds/{name} must equal the generator's output; run `pamctl crds`");
        }

        Directory.GetFiles(CrdDirectory).Select(Path.GetFileName).Should().BeEquivalentTo(expected.Select(e => e.Key), "no stale CRD files");
    }

    [Fact]
    public void Render_EveryKind_IsAStructuralCrdWithStatusPrinterColumnsAndCategory()
    {
        foreach (var kind in Catalogs.Default.AllWithProviderConfig)
        {
            var crd = YamlFile.Documents(CrdFiles.Render(Catalogs.Default).Single(f => f.Key == CrdFiles.FileName(kind)).Value).Single();
            var version = crd["spec"]!["versions"]![0]!;

            crd["metadata"]!["name"]!.GetValue<string>().Should().Be($"{kind.Plural}.{kind.Group}");
            crd["spec"]!["scope"]!.GetValue<string>().Should().Be(kind.Namespaced ? "Namespaced" : "Cluster");
            crd["spec"]!["names"]!["categories"]![0]!.GetValue<string>().Should().Be("pam");
            version["subresources"]!["status"].Should().NotBeNull();
            version["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())
                .Should().Contain(["READY", "AGE"]);
            var schema = version["schema"]!["openAPIV3Schema"]!;
            schema["properties"]!["status"]!["properties"]!["conditions"].Should().NotBeNull();
            schema.ToJsonString().Should().NotContain("additionalProperties", "structural schemas leave unknown fields to pruning");
        }
    }

    [Fact]
    public void Render_ImmutableFields_CarryTransitionRules()
    {
        var asla = YamlFile.Documents(CrdFiles.Render(Catalogs.Default).Single(f => f.Key == "fudo.pamoperator.io_accountsafelistenerassignments.yaml").Value).Single();
        var spec = asla["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;

        spec["properties"]!["account"]!["x-kubernetes-validations"]![0]!["rule"]!.GetValue<string>().Should().Be("self == oldSelf");
        spec["x-kubernetes-validations"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>())
            .Should().Contain("has(self.listener) == has(oldSelf.listener)", "an optional immutable field cannot appear or vanish either");
    }

    [Fact]
    public void Render_IsDeterministic()
    {
        CrdFiles.Render(Catalogs.Default).Should().Equal(CrdFiles.Render(Catalogs.Default));
    }
}
