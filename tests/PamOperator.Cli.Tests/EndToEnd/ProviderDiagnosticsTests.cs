using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Problems reaching the PAM are diagnostics with stable codes and exit 1, never stack traces.</summary>
public class ProviderDiagnosticsTests
{
    private const string OneSafe = "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: pd-safe\nspec: {}\n";

    [Fact]
    public async Task Plan_WrongApiKey_IsPam502()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", OneSafe);
        ws.Environment[SimulatorWorkspace.ApiKeyVariable] = "not-the-key";

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("PAM502").And.NotContain("not-the-key").And.NotContain("   at ");
    }

    [Fact]
    public async Task Plan_CredentialVariableUnset_IsPam503()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", OneSafe);
        ws.Environment.Remove(SimulatorWorkspace.ApiKeyVariable);

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("PAM503").And.Contain(SimulatorWorkspace.ApiKeyVariable);
    }

    [Fact]
    public async Task Plan_EndpointRefusesConnections_IsPam501()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", OneSafe);
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/providerconfig.yaml", config.Replace(ws.Simulator.BaseAddress.ToString(), "http://127.0.0.1:1/", StringComparison.Ordinal));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("PAM501").And.NotContain("   at ");
    }

    [Fact]
    public async Task Plan_ObjectsSpreadOverTwoProviderConfigs_PlansEachPamInItsOwnSection()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/second.yaml", config.Replace("name: test", "name: second", StringComparison.Ordinal));
        ws.Write("manifests/safes.yaml", OneSafe.Replace("spec: {}", "spec:\n  providerConfigRef:\n    name: test", StringComparison.Ordinal)
            + "---\n" + OneSafe.Replace("pd-safe", "pd-other", StringComparison.Ordinal)
                .Replace("spec: {}", "spec:\n  providerConfigRef:\n    name: second", StringComparison.Ordinal));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(0, plan.Error);
        plan.Out.Should().Contain("=== PAM second").And.Contain("=== PAM test")
            .And.Contain("Total over 2 PAMs: 2 to add", "several PAMs in one run replaced PAM506 (one ProviderConfig per run)");
    }

    [Fact]
    public async Task Plan_VendorThisBuildHasNoModuleFor_IsRefusedAtValidate()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", OneSafe);
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/providerconfig.yaml", config.Replace("vendor: fudo", "vendor: nosuchvendor", StringComparison.Ordinal));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1);
        plan.Error.Should().Contain("PAM105").And.Contain("cyberark", "the vendor list comes from the registry");
    }
}
