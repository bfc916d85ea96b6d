using FluentAssertions;
using PamOperator.Manifests.Crds;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Crds;

/// <summary>
/// The same documents through (a) pamctl's validation and (b) the shipped CRD (structural schema + CEL, emulated
/// as the API server applies them): the verdicts must agree. Rejected documents are named after the code the CLI
/// must report. Rules that need several objects (duplicates, providerConfigRef) are CLI-only and not in this corpus.
/// </summary>
public class CrdAgreementTests
{
    public static TheoryData<string> Accepted => Files("accepted");

    public static TheoryData<string> Rejected => Files("rejected");

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task AcceptedDocument_IsAcceptedByBoth(string file)
    {
        var (cli, crd) = await VerdictsAsync(file);

        cli.Errors().Should().BeEmpty($"{file} is valid for pamctl");
        crd.Should().BeEmpty($"{file} is valid for the CRD");
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task RejectedDocument_IsRejectedByBoth_WithTheNamedCode(string file)
    {
        var (cli, crd) = await VerdictsAsync(file);

        cli.Errors().Select(d => d.Code).Should().Contain(file[..6], $"{file} names the code pamctl reports");
        crd.Should().NotBeEmpty($"the CRD must reject {file} too");
    }

    [Fact]
    public void Corpus_CoversEveryRuleCode()
    {
        var ruleCodes = Catalogs.Default.AllWithProviderConfig
            .SelectMany(k => k.Rules.Concat(Schemas.SpecSchemaBuilder.SpecFields(k).SelectMany(f => f.Rules.Concat(f.ItemRules))))
            .Select(r => r.Code).Distinct();

        var named = Names("rejected").Select(n => n[..6]).ToList();
        ruleCodes.Where(c => !named.Contains(c)).Should().BeEmpty("every CEL rule has a rejected document");
    }

    private static async Task<(ManifestReadResult Cli, IReadOnlyList<string> Crd)> VerdictsAsync(string file)
    {
        var path = Directory.GetFiles(Repo.Corpus("agreement"), file, SearchOption.AllDirectories).Single();
        var text = await File.ReadAllTextAsync(path);
        var cli = await ManifestReader.ReadAsync([path], TextReader.Null, Catalogs.Default, CancellationToken.None);
        var document = YamlFile.Documents(text, file).Single();
        var kind = Catalogs.Default.Find(document["apiVersion"]!.GetValue<string>(), document["kind"]!.GetValue<string>())!;
        var crd = await CrdSchemaValidator.LoadAsync(Repo.Path("crds", CrdFiles.FileName(kind)));
        return (cli, crd.Rejections(document));
    }

    private static TheoryData<string> Files(string folder) => [.. Names(folder)];

    private static List<string> Names(string folder) =>
        [.. Directory.GetFiles(Repo.Corpus("agreement", folder), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
}
