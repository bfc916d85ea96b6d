using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

public class ValidateCommandTests
{
    private static readonly string Root = FindRoot();

    private static string RepoPath(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Hostile(string file) => RepoPath("tests", "PamOperator.Manifests.Tests", "Corpus", "hostile", file);

    [Fact]
    public async Task Validate_Examples_ExitsZero_WithTheSummaryOnStdout()
    {
        var result = await CliHarness.RunAsync("validate", "-f", RepoPath("examples"));

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Trim().Should().Be("0 errors, 1 warning in 50 objects");
        result.Error.Should().Contain("warning PAM214");
    }

    [Theory]
    [InlineData("PAM004-alias-bomb.yaml", "PAM004", 6)]
    [InlineData("PAM005-deep-flow-nesting.yaml", "PAM005", 1)]
    [InlineData("PAM002-unclosed-flow-sequence.yaml", "PAM002", 6)]
    [InlineData("PAM006-binary.yaml", "PAM006", 3)]
    [InlineData("PAM108-inline-secret.yaml", "PAM108", 10)]
    public async Task Validate_HostileFile_ExitsOneWithCodeAndLine_WithoutStackTrace(string file, string code, int line)
    {
        var result = await CliHarness.RunAsync("validate", "-f", Hostile(file));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"{Hostile(file)}:{line}:").And.Contain($"error {code}:");
        (result.Out + result.Error).Should().NotContain("   at ").And.NotContain("internal error").And.NotContain("hunter2");
        result.Out.Should().MatchRegex("^[0-9]+ errors?, [0-9]+ warnings? in [0-9]+ objects?");
    }

    [Fact]
    public async Task Validate_JsonOutput_HasTheDocumentedShape()
    {
        var result = await CliHarness.RunAsync("validate", "-f", Hostile("PAM008-duplicate-key.yaml"), "--output", "json");

        result.ExitCode.Should().Be(1);
        result.Error.Should().BeEmpty("json mode writes one document to stdout only");
        var json = JsonNode.Parse(result.Out)!.AsObject();
        json["valid"]!.GetValue<bool>().Should().BeFalse();
        json["objects"]!.GetValue<int>().Should().Be(1);
        var diagnostic = json["diagnostics"]!.AsArray().Single()!.AsObject();
        diagnostic.Select(p => p.Key).Should().Equal("severity", "code", "summary", "detail", "file", "line", "column", "address");
        diagnostic["code"]!.GetValue<string>().Should().Be("PAM008");
        diagnostic["line"]!.GetValue<int>().Should().Be(8);
        diagnostic["severity"]!.GetValue<string>().Should().Be("error");
    }

    [Fact]
    public async Task Validate_Stdin_ReadsTheDash()
    {
        const string Safe = "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: from-stdin\n";

        var valid = await CliHarness.RunWithInputAsync(Safe, "validate", "-f", "-", "-o", "json");
        var invalid = await CliHarness.RunWithInputAsync(Safe + "spec:\n  blocked: true\n", "validate", "-f", "-");

        valid.ExitCode.Should().Be(0);
        JsonNode.Parse(valid.Out)!["valid"]!.GetValue<bool>().Should().BeTrue();
        invalid.ExitCode.Should().Be(1);
        invalid.Error.Should().StartWith("<stdin>:6:3: error PAM201: reason is required when blocked is true [fudo_safe.from-stdin]\n    ");
    }

    [Fact]
    public async Task Validate_WithoutFiles_IsAUsageErrorWithoutStackTrace()
    {
        var result = await CliHarness.RunAsync("validate");

        result.ExitCode.Should().Be(1);
        (result.Out + result.Error).Should().Contain("--filename").And.NotContain("   at ");
    }

    [Fact]
    public async Task Validate_MissingPath_ReportsPam001()
    {
        var result = await CliHarness.RunAsync("validate", "-f", "/nonexistent/manifests");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("error PAM001: no such file or directory: /nonexistent/manifests");
    }

    [Fact]
    public async Task Crds_WritesTheCommittedFiles()
    {
        var directory = Directory.CreateTempSubdirectory("pamctl-crds-");
        try
        {
            var result = await CliHarness.RunAsync("crds", "--output-dir", directory.FullName);

            result.ExitCode.Should().Be(0, result.Error);
            var written = Directory.GetFiles(directory.FullName).Select(Path.GetFileName).Order().ToList();
            written.Should().Equal(Directory.GetFiles(RepoPath("crds")).Select(Path.GetFileName).Order());
            foreach (var file in written)
            {
                File.ReadAllText(Path.Combine(directory.FullName, file!)).Should().Be(File.ReadAllText(RepoPath("crds", file!)));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        var directory = Path.GetDirectoryName(thisFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "PamOperator.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"repository root not found above {thisFile}");
    }
}
