using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

public class PamctlAppTests
{
    [Fact]
    public async Task Version_PrintsToolName_ExitsZero()
    {
        var result = await CliHarness.RunAsync("version");

        result.ExitCode.Should().Be(0);
        result.Out.Should().StartWith("pamctl ").And.MatchRegex(@"^pamctl \d+\.\d+\.\d+\S* \(commit [0-9a-f]{7,40}\)\s*$");
    }

    [Theory]
    [InlineData("0.1.0+1a2b3c4d5e6f", "0.1.0", "1a2b3c4d5e6f")]
    [InlineData("0.2.0-rc.1+abcdef0", "0.2.0-rc.1", "abcdef0")]
    [InlineData("0.1.0", "0.1.0", "unknown")]
    [InlineData(null, "0.0.0", "unknown")]
    public void VersionParse_SplitsVersionAndCommit(string? informational, string version, string commit)
    {
        Commands.VersionCommand.Parse(informational).Should().Be((version, commit));
    }

    [Fact]
    public async Task UnknownVerb_ExitsOne_WithoutStackTrace()
    {
        var result = await CliHarness.RunAsync("frobnicate");

        result.ExitCode.Should().Be(1);
        (result.Out + result.Error).Should().NotContain("   at ");
    }
}
