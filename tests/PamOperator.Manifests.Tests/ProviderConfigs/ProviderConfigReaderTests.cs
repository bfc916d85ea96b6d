using FluentAssertions;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Secrets;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.ProviderConfigs;

public class ProviderConfigReaderTests
{
    /// <summary>A valid config; each extra line replaces the default line of the same key or adds one.</summary>
    private static string Config(params string[] extra)
    {
        string[] defaults = ["vendor: fudo", "endpoint: https://fudo.example.com", "credentials: {valueFrom: {env: FUDO_API_KEY}}"];
        static string Key(string line) => line.Split(':')[0];
        var lines = defaults.Where(d => !extra.Any(e => Key(e) == Key(d))).Concat(extra);
        return "apiVersion: pamoperator.io/v1alpha1\nkind: ProviderConfig\nmetadata:\n  name: prod\nspec:\n"
            + string.Concat(lines.Select(l => $"  {l}\n"));
    }

    [Fact]
    public async Task Read_MinimalConfig_AppliesEveryDefault()
    {
        var result = await Manifest.ReadAsync(Config());

        result.Diagnostics.Should().BeEmpty();
        var config = result.ProviderConfigs.Single();
        config.Should().BeEquivalentTo(new
        {
            Name = "prod",
            Vendor = "fudo",
            Endpoint = new Uri("https://fudo.example.com"),
            Credentials = new SecretReference(SecretSource.Environment, "FUDO_API_KEY"),
            Tls = new ProviderTls(null, false),
            RateLimit = new ProviderRateLimit(20, 40),
            Parallelism = 10,
        });
        config.Prune.Enabled.Should().BeFalse();
        config.Prune.Scope.Should().BeEmpty();
        config.VendorSettings.Should().BeEmpty("defaults of spec.fudo are the module's to apply");
        result.Objects.Should().BeEmpty();
    }

    [Fact]
    public async Task Read_OldTopLevelTransaction_IsRefusedWithTheNewSpelling()
    {
        var result = await Manifest.ReadAsync(Config("transaction: {mode: Journal}"));

        var error = result.Diagnostics.Should().ContainSingle(d => d.Code == "PAM103").Subject;
        error.Summary.Should().Contain("moved into the vendor's section");
        error.Detail.Should().Contain("spec.fudo.transaction");
        result.ProviderConfigs.Should().BeEmpty();
    }

    [Fact]
    public async Task Read_AnotherVendorsSection_IsAnError()
    {
        var result = await Manifest.ReadAsync(Config("cyberark: {}"));

        result.Diagnostics.Should().Contain(d => d.Code == "PAM103" || d.Code == "PAM230",
            "a section of a vendor this build does not know is an unknown field; of a known other vendor, PAM230");
        result.ProviderConfigs.Should().BeEmpty();
    }

    [Fact]
    public async Task Read_FullConfig_ReadsEveryField()
    {
        var result = await Manifest.ReadAsync(Config(
            "tls: {caFile: certs/ca.pem}", "rateLimit: {requestsPerSecond: 5, burst: 6}", "parallelism: 64",
            "fudo: {transaction: {mode: Journal, maxBatchSize: 1}}",
            "prune: {enabled: true, scope: [{kinds: [Safe], namePrefix: team-}, {nameRegex: '^ops-[0-9]+$'}]}"));

        result.Diagnostics.Should().BeEmpty();
        var config = result.ProviderConfigs.Single();
        config.Tls.CaFile.Should().Be(Path.GetFullPath("certs/ca.pem"));
        config.RateLimit.Should().Be(new ProviderRateLimit(5, 6));
        config.Parallelism.Should().Be(64);
        config.VendorSettings["transaction"]!["mode"]!.GetValue<string>().Should().Be("Journal");
        config.VendorSettings["transaction"]!["maxBatchSize"]!.GetValue<long>().Should().Be(1);
        config.Prune.Scope.Should().HaveCount(2);
        config.Prune.Scope[0].Selects("Safe", "TEAM-db").Should().BeTrue("prefixes compare case-insensitively, like PAM names");
        config.Prune.Scope[0].Selects("Account", "team-db").Should().BeFalse("the entry is limited to Safe");
        config.Prune.Scope[1].Selects("Account", "ops-12").Should().BeTrue();
        config.Prune.Scope[1].Selects("Account", "ops-12x").Should().BeFalse("the regex matches the whole name");
    }

    [Theory]
    [InlineData("PAM215", false, "an explicit insecure choice warns", "tls: {insecureSkipVerify: true}")]
    [InlineData("PAM106", true, "parallelism is 1..64", "parallelism: 65")]
    [InlineData("PAM105", true, "unknown vendor", "vendor: vault")]
    [InlineData("PAM107", true, "endpoint must be http(s)", "endpoint: ftp://fudo")]
    [InlineData("PAM217", true, "a scope entry needs one name selector", "prune: {scope: [{kinds: [Safe]}]}")]
    [InlineData("PAM217", true, "not both selectors", "prune: {scope: [{namePrefix: a, nameRegex: b}]}")]
    [InlineData("PAM216", true, "the regex must compile", "prune: {scope: [{nameRegex: '(unclosed'}]}")]
    [InlineData("PAM105", true, "scope kinds are known kinds", "prune: {scope: [{kinds: [Vault], namePrefix: a}]}")]
    [InlineData("PAM103", true, "no control fields on a ProviderConfig", "deletionPolicy: Orphan")]
    public async Task Read_ConfigProblem_ReportsCode(string code, bool isError, string reason, string line)
    {
        var result = await Manifest.ReadAsync(Config(line));

        result.Codes().Should().Equal([code], reason);
        result.HasErrors.Should().Be(isError);
    }

    [Fact]
    public async Task Read_SecretKeyRefWithNamespace_IsAllowedOnTheClusterScopedConfigOnly()
    {
        var config = await Manifest.ReadAsync(Config().Replace("{env: FUDO_API_KEY}", "{secretKeyRef: {namespace: pam, name: fudo, key: api}}"));
        var account = await Manifest.ReadAsync(Manifest.Object("Account", "a", "type: anonymous", "server: s",
            "secret: {valueFrom: {secretKeyRef: {namespace: pam, name: fudo, key: pw}}}"));

        config.Diagnostics.Should().BeEmpty();
        config.ProviderConfigs.Single().Credentials.ToString().Should().Be("secretKeyRef:pam/fudo#api");
        account.Codes().Should().Equal("PAM109");
    }
}
