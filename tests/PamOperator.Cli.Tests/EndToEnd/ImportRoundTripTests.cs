using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>`pamctl import` writes manifests that plan as "no changes" against the PAM they came from.</summary>
public class ImportRoundTripTests
{
    [Fact]
    public async Task Import_AfterExamplesApplied_PlanOfImportedManifestsHasNoChanges()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.CopyExamples();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        var providerConfig = Path.Combine(ws.Manifests, "providerconfig.yaml");

        var import = await ws.RunAsync("import", "-f", providerConfig, "--output-dir", "imported");
        var plan = await ws.RunAsync("plan", "-f", Path.Combine(ws.Directory, "imported"), "-f", providerConfig, "--detailed-exitcode");

        import.ExitCode.Should().Be(0, import.All);
        import.Out.Should().Contain("Imported 41 objects",
            "the 25 applied objects, the fixtures' observed safe, and the fixtures' 6 users (not the builtin admin), 5 servers, pool and 3 listeners");
        Directory.GetFiles(Path.Combine(ws.Directory, "imported"), "*.yaml", SearchOption.AllDirectories).Should().HaveCount(41);
        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("No changes.");
    }

    [Fact]
    public async Task Import_OneKind_WritesOnlyThatKind_AndNoSecret()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.CopyExamples();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);

        var import = await ws.RunAsync("import", "-f", Path.Combine(ws.Manifests, "providerconfig.yaml"), "--kind", "Account", "--output-dir", "accounts-only");

        import.ExitCode.Should().Be(0, import.All);
        var files = Directory.GetFiles(Path.Combine(ws.Directory, "accounts-only"), "*.yaml", SearchOption.AllDirectories);
        files.Should().NotBeEmpty().And.OnlyContain(f => f.Contains($"{Path.DirectorySeparatorChar}accounts{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var text = string.Concat(files.Select(File.ReadAllText));
        text.Should().NotContain("secret:").And.NotContain("canary-secret");
    }

    [Fact]
    public async Task Import_UnknownKind_IsADiagnostic()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();

        var import = await ws.RunAsync("import", "--kind", "Vault");

        import.ExitCode.Should().Be(1);
        import.Error.Should().Contain("PAM602").And.Contain("Safe");
    }
}
