using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>The embedded simulator is used only when chosen: <c>--embedded</c>, or a person at a terminal with no
/// ProviderConfig in the input. A forgotten ProviderConfig in CI is an error, never a green run against a simulator.</summary>
public sealed class EmbeddedChoiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pamctl-choice-").FullName;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal) { ["EXAMPLE_DB_PASSWORD"] = "canary-choice-secret" };

    private static string Quickstart => Path.Combine(RepositoryPaths.Examples, "quickstart");

    [Theory]
    [InlineData("apply", "--auto-approve")]
    [InlineData("plan", "--detailed-exitcode")]
    public async Task NoProviderConfig_NoTerminal_NotChosen_IsPAM015_AndNoSimulatorRuns(string verb, string option)
    {
        var result = await CliHarness.RunInAsync(_directory, _environment, "", false, verb, "-f", Quickstart, option);

        result.ExitCode.Should().Be(1, result.All);
        result.Error.Should().Contain("error PAM015: the input has no ProviderConfig").And.Contain("--embedded").And.NotContain("EMBEDDED");
        File.Exists(Path.Combine(_directory, ".pamctl", "fudo-simulator.db")).Should().BeFalse("no simulator was started");
    }

    [Fact]
    public async Task NoProviderConfig_NoTerminal_NotChosen_JsonPlanSaysErroredWithPAM015()
    {
        var result = await CliHarness.RunInAsync(_directory, _environment, "", false, "plan", "-f", Quickstart, "-o", "json");

        result.ExitCode.Should().Be(1, result.All);
        var json = System.Text.Json.Nodes.JsonNode.Parse(result.Out)!;
        ((bool)json["errored"]!).Should().BeTrue();
        json["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).Should().Contain("PAM015");
    }

    [Fact]
    public async Task NoProviderConfig_InteractiveTerminal_UsesTheEmbeddedSimulatorLoudly()
    {
        var result = await CliHarness.RunInAsync(_directory, _environment, "", true, "plan", "-f", Quickstart);

        result.ExitCode.Should().Be(0, result.All);
        result.Error.Should().Contain("EMBEDDED Fudo PAM simulator");
        result.Out.Should().Contain("Plan: 4 to add");
    }

    [Fact]
    public async Task Embedded_TogetherWithAProviderConfig_IsPAM016_AndNothingIsRead()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: ec-safe\n");

        var result = await ws.RunAsync("plan", "-f", ws.Manifests, "--embedded");

        result.ExitCode.Should().Be(1, result.All);
        result.Error.Should().Contain("error PAM016").And.Contain("test").And.NotContain("EMBEDDED");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
