using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Import never overwrites an edited manifest without <c>--force</c>, and names the objects whose manifests
/// need a secret reference.</summary>
public class ImportSafetyTests
{
    [Fact]
    public async Task Import_OverAnEditedFile_RefusesWithPAM603AndWritesNothing_ForceOverwrites()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.CopyExamples();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);
        var providerConfig = Path.Combine(ws.Manifests, "providerconfig.yaml");
        (await ws.RunAsync("import", "-f", providerConfig, "--output-dir", "imported")).ExitCode.Should().Be(0);
        var edited = Directory.GetFiles(Path.Combine(ws.Directory, "imported", "safes"), "*.yaml").Order(StringComparer.Ordinal).First();
        File.AppendAllText(edited, "# reviewed by the team\n");
        var editedText = File.ReadAllText(edited);

        var again = await ws.RunAsync("import", "-f", providerConfig, "--output-dir", "imported");
        var unchangedRun = File.ReadAllText(edited);
        var forced = await ws.RunAsync("import", "-f", providerConfig, "--output-dir", "imported", "--force");

        again.ExitCode.Should().Be(1, again.All);
        again.Error.Should().Contain("error PAM603: import would overwrite 1 file(s)").And.Contain(Path.GetFileName(edited)).And.Contain("--force");
        unchangedRun.Should().Be(editedText, "nothing is written when the import is refused");
        forced.ExitCode.Should().Be(0, forced.All);
        File.ReadAllText(edited).Should().NotContain("reviewed by the team");
    }

    [Fact]
    public async Task Import_Accounts_SaysWhichNeedASecretReference()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.CopyExamples();
        (await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve")).ExitCode.Should().Be(0);

        var import = await ws.RunAsync("import", "-f", Path.Combine(ws.Manifests, "providerconfig.yaml"), "--kind", "Account", "--output-dir", "accounts");

        import.ExitCode.Should().Be(0, import.All);
        import.Error.Should().Contain("warning PAM604").And.Contain("need a secret reference added (spec.secret / spec.privateKeyPassphrase)")
            .And.Contain("fudo_account.quickstart-db-admin");
    }
}
