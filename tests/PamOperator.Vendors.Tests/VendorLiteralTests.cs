using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace PamOperator.Vendors.Tests;

/// <summary>The engine never names a vendor: no string literal outside the vendor modules and the registry does.</summary>
public partial class VendorLiteralTests
{
    private static readonly string[] VendorDirectories =
        ["PamOperator.Providers.", "PamOperator.Simulators.", "PamOperator.Vendors"];

    [Theory]
    [InlineData("fudo")]
    [InlineData("sps")]
    [InlineData("cyberark")]
    [InlineData("privx")]
    public void Sources_OutsideVendorModulesAndTheRegistry_HoldNoVendorLiteral(string vendor)
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !VendorDirectories.Any(d => Path.GetRelativePath(src, f).StartsWith(d, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(l => StringLiterals().Matches(l.Text).Any(m => m.Value.Contains(vendor, StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty($"only a vendor's module and the registry may name '{vendor}'");
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiterals();
}
