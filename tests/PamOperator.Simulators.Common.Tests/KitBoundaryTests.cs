namespace PamOperator.Simulators.Common.Tests;

/// <summary>The kit shares no code with the clients and names no vendor (V1 item 8).</summary>
public sealed class KitBoundaryTests
{
    [Fact]
    public void Kit_ReferencesNoOtherPamOperatorAssembly()
    {
        var references = typeof(SimulatorHost).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        references.Should().NotContain(name => name.StartsWith("PamOperator", StringComparison.Ordinal),
            "simulators share no code with clients (PamOperator.Core, PamOperator.Providers.*)");
    }

    [Theory]
    [InlineData("Fudo")]
    [InlineData("CyberArk")]
    [InlineData("Pvwa")]
    [InlineData("PrivX")]
    [InlineData("Sps")]
    public void Kit_NamesNoVendor(string vendor) =>
        typeof(SimulatorHost).Assembly.GetTypes().Select(t => t.FullName ?? "")
            .Should().NotContain(name => name.Contains(vendor, StringComparison.OrdinalIgnoreCase));
}
