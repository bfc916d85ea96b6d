using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.ProviderConfigs;

/// <summary>The endpoint never carries credentials, and plain http leaves the machine only by explicit choice.</summary>
public class EndpointRulesTests
{
    [Theory]
    [InlineData("http://user:TOKEN-123@pam.example.com/", "PAM234", "credentials in the URL would be printed and saved")]
    [InlineData("https://TOKEN-123@pam.example.com/", "PAM234", "a token before @ is credentials too")]
    [InlineData("http://pam.example.com/", "PAM235", "plain http to a remote host needs an opt-in")]
    [InlineData("http://10.1.2.3:8080/", "PAM235", "an address that is not loopback is remote")]
    public async Task Read_UnsafeEndpoint_IsAnErrorThatNeverEchoesTheUrl(string endpoint, string code, string because)
    {
        var result = await Manifest.ReadAsync(Config(endpoint));

        result.Diagnostics.Should().Contain(d => d.Code == code && d.Severity == Core.Diagnostics.Severity.Error, because);
        result.Diagnostics.Select(d => d.Summary + d.Detail).Should().NotContain(t => t.Contains("TOKEN-123"));
        result.ProviderConfigs.Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://pam.example.com/")]
    public async Task Read_LoopbackOrHttps_IsAccepted(string endpoint)
    {
        var result = await Manifest.ReadAsync(Config(endpoint));

        result.Diagnostics.Should().BeEmpty();
        result.ProviderConfigs.Should().ContainSingle();
    }

    [Fact]
    public async Task Read_PlainHttpWithOptIn_IsAcceptedWithAWarning()
    {
        var result = await Manifest.ReadAsync(Config("http://pam.example.com/", "allowInsecureHttp: true"));

        result.Diagnostics.Should().ContainSingle(d => d.Code == "PAM235" && d.Severity == Core.Diagnostics.Severity.Warning);
        result.ProviderConfigs.Should().ContainSingle();
    }

    private static string Config(string endpoint, string extra = "") => $"""
        apiVersion: pamoperator.io/v1alpha1
        kind: ProviderConfig
        metadata:
          name: prod
        spec:
          vendor: fudo
          endpoint: "{endpoint}"
          credentials:
            valueFrom:
              env: FUDO_KEY
          {extra}
        """;
}
