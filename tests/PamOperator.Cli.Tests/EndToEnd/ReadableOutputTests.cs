using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>What a person reads: a create shows the fields the manifest sets with the defaults folded into one line
/// (the JSON plan stays complete), and warnings are coloured on a terminal only.</summary>
public class ReadableOutputTests
{
    private const string Safe = "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: ro-safe\n  labels:\n    team: db\nspec:\n  loginReason: true\n";

    [Fact]
    public async Task PlanOfACreate_ShowsTheManifestFields_AndOneDefaultsLine_JsonStaysComplete()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);

        var text = await ws.RunAsync("plan", "-f", ws.Manifests);
        var json = await ws.RunAsync("plan", "-f", ws.Manifests, "-o", "json");

        text.ExitCode.Should().Be(0, text.All);
        var body = text.Out.Split('\n').SkipWhile(l => !l.Contains("+ fudo_safe.ro-safe {")).Skip(1).TakeWhile(l => l.Trim() != "}").ToList();
        body.Should().HaveCount(2, text.Out);
        body[0].Should().Contain("+ loginReason = true");
        body[1].Should().MatchRegex(@"# \d+ more field\(s\) at the PAM's defaults: ");
        json.Out.Should().Contain("\"requiredVotes\"", "the JSON plan keeps the defaults");
    }

    [Fact]
    public async Task Warnings_AreColouredOnATerminalOnly()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);
        string[] args = ["plan", "-f", ws.Manifests, "-l", "team=db"];

        var terminal = await CliHarness.RunInAsync(ws.Directory, ws.Environment, "", interactive: true, args);
        var piped = await CliHarness.RunInAsync(ws.Directory, ws.Environment, "", interactive: false, args);

        terminal.Error.Should().Contain("\u001b[33m").And.Contain("PAM022");
        piped.Error.Should().Contain("PAM022").And.NotContain("\u001b[");
    }
}
