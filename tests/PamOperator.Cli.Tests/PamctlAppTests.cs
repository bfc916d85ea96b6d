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
        result.Out.Should().StartWith("pamctl ");
    }

    [Fact]
    public async Task UnknownVerb_ExitsOne_WithoutStackTrace()
    {
        var result = await CliHarness.RunAsync("frobnicate");

        result.ExitCode.Should().Be(1);
        (result.Out + result.Error).Should().NotContain("   at ");
    }
}
