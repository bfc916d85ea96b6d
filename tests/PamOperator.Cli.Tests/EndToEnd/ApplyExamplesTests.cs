using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>The README's first commands, literally: <c>pamctl apply -f examples --embedded --auto-approve</c> against the embedded
/// simulator (no ProviderConfig in examples/, CI files excluded by examples/.pamctlignore), then nothing left to do.</summary>
public class ApplyExamplesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pamctl-examples-").FullName;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public ApplyExamplesTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.yaml", SearchOption.AllDirectories))
        {
            foreach (var match in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"env:\s*([A-Z0-9_]+)").Cast<System.Text.RegularExpressions.Match>())
            {
                _environment[match.Groups[1].Value] = "canary-example-" + match.Groups[1].Value.Length;
            }
        }
    }

    private Task<CliHarness.Result> RunAsync(params string[] args) => CliHarness.RunInAsync(_directory, _environment, "", interactive: false, args);

    [Fact]
    public async Task ApplyExamples_CreatesEverything_ThenASecondApplyAndPlanFindNothingToDo()
    {
        var apply = await RunAsync("apply", "-f", RepositoryPaths.Examples, "--embedded", "--auto-approve");

        apply.ExitCode.Should().Be(0, apply.All);
        apply.Error.Should().Contain("EMBEDDED Fudo PAM simulator");
        apply.Out.Should().MatchRegex(@"\nApply complete! Resources: 49 added, 0 changed, 0 destroyed\.\n$");
        apply.Out.Should().MatchRegex(@"fudo_safe\.team-ops-ssh: Creation complete after \d+\.\ds \[id=\d+\]");

        var again = await RunAsync("apply", "-f", RepositoryPaths.Examples, "--embedded", "--auto-approve");
        again.ExitCode.Should().Be(0, again.All);
        again.Out.Should().Contain("No changes.").And.Contain("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.");

        var plan = await RunAsync("plan", "-f", RepositoryPaths.Examples, "--embedded", "--detailed-exitcode");
        plan.ExitCode.Should().Be(0, $"nothing differs after apply, not even the observe-only safe: {plan.All}");
        new[] { apply.All, again.All, plan.All }.Should().NotContain(text => text.Contains("canary-example", StringComparison.Ordinal));
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
