using FluentAssertions;
using PamOperator.Vendors.Tests.Support;
using Xunit;

namespace PamOperator.Vendors.Tests;

/// <summary>The embedded-simulator choice holds for every registered vendor, not one: without a ProviderConfig and
/// without <c>--embedded</c>, objects of any vendor are refused (PAM015) before any simulator starts.</summary>
public class EmbeddedChoiceTests
{
    [Fact]
    public async Task TwoVendors_NoProviderConfig_NotChosen_IsPAM015NamingBoth_AndNoSimulatorStarts()
    {
        using var ws = new Workspace();
        ws.Write("pam/fudo-safe.yaml", Yaml.FudoSafe("shared"));
        ws.Write("pam/acme-safe.yaml", Yaml.AcmeSafe("shared"));

        var apply = await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--auto-approve");
        var import = await ws.RunAsync("import", "--vendor", "acme");

        apply.Exit.Should().Be(1, apply.Out + apply.Error);
        apply.Error.Should().Contain("PAM015").And.Contain("acme and fudo simulator").And.NotContain("EMBEDDED");
        import.Exit.Should().Be(1, import.Out + import.Error);
        import.Error.Should().Contain("PAM015").And.NotContain("EMBEDDED");
        Directory.Exists(ws.PathOf(".pamctl")).Should().BeFalse("no embedded simulator was started for any vendor");
    }
}
