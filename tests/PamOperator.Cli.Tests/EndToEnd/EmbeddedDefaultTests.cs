using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>With no ProviderConfig and --embedded, commands run against the embedded simulator, loudly, with state in .pamctl/.</summary>
public class EmbeddedDefaultTests
{
    [Fact]
    public async Task PlanApplyPlan_WithoutProviderConfig_UseEmbeddedSimulator_AndStatePersists()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pamctl-embedded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var env = new Dictionary<string, string> { ["EXAMPLE_DB_PASSWORD"] = "canary-embedded-secret" };
            var manifests = Path.Combine(RepositoryPaths.Examples, "quickstart");

            var apply = await CliHarness.RunInAsync(dir, env, "", false, "apply", "-f", manifests, "--embedded", "--auto-approve");
            var plan = await CliHarness.RunInAsync(dir, env, "", false, "plan", "-f", manifests, "--embedded", "--detailed-exitcode");

            apply.ExitCode.Should().Be(0, apply.All);
            apply.Error.Should().Contain("EMBEDDED Fudo PAM simulator");
            apply.Out.Should().Contain("Apply complete! Resources: 4 added");
            File.Exists(Path.Combine(dir, ".pamctl", "fudo-simulator.db")).Should().BeTrue();
            plan.ExitCode.Should().Be(0, "the second run sees what the first created: " + plan.All);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
