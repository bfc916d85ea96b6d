using System.Diagnostics;
using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace PamOperator.Manifests.Tests.Corpus;

/// <summary>
/// Hostile input never crashes and never hangs: each file of Corpus/hostile/ (expectations in cases.tsv) fails with
/// its code at its line. The bound of 5 s is a hang guard, not a benchmark; measured times are written to the output.
/// </summary>
public class HostileCorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var line in File.ReadAllLines(Repo.Corpus("hostile", "cases.tsv")).Where(l => !l.StartsWith('#') && !l.StartsWith('(')))
        {
            var columns = line.Split('\t');
            data.Add(columns[0], columns[1], int.Parse(columns[2], System.Globalization.CultureInfo.InvariantCulture), columns[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileFile_FailsWithItsCodeAtItsLine(string file, string code, int line, string reason)
    {
        var path = Repo.Corpus("hostile", file);

        var watch = Stopwatch.StartNew();
        var result = await ManifestReader.ReadAsync([path], TextReader.Null, Catalogs.Default, CancellationToken.None);
        watch.Stop();

        output.WriteLine($"{file}: {watch.Elapsed.TotalMilliseconds:F1} ms");
        result.HasErrors.Should().BeTrue(reason);
        result.Errors().Should().Contain(d => d.Code == code && d.Location!.Line == line && d.Location.File == path,
            $"{reason}; got {string.Join("; ", result.Diagnostics)}");
        watch.Elapsed.Should().BeLessThan(HangGuard);
    }

    [Fact]
    public void Corpus_EveryFileHasACase()
    {
        var listed = File.ReadAllLines(Repo.Corpus("hostile", "cases.tsv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith('('))
            .Select(l => l.Split('\t')[0])
            .ToList();

        Directory.GetFiles(Repo.Corpus("hostile"), "*.yaml").Select(Path.GetFileName).Should().BeEquivalentTo(listed);
        listed.Should().OnlyContain(f => f.StartsWith("PAM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiftyMegabyteFile_IsRefusedBeforeReading()
    {
        var directory = Directory.CreateTempSubdirectory("pamctl-50mb-");
        try
        {
            var path = Path.Combine(directory.FullName, "50MB.yaml");
            await using (var stream = File.Create(path))
            {
                var line = "- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"u8.ToArray();
                for (var written = 0L; written < 50L * 1024 * 1024; written += line.Length)
                {
                    stream.Write(line);
                }
            }

            var watch = Stopwatch.StartNew();
            var result = await ManifestReader.ReadAsync([path], TextReader.Null, Catalogs.Default, CancellationToken.None);
            watch.Stop();

            output.WriteLine($"50MB.yaml: {watch.Elapsed.TotalMilliseconds:F1} ms");
            result.Errors().Should().ContainSingle().Which.Should().Match<Core.Diagnostics.Diagnostic>(d => d.Code == "PAM003" && d.Location!.Line == 1);
            watch.Elapsed.Should().BeLessThan(HangGuard);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task InlineSecret_NeverAppearsInAnyDiagnostic()
    {
        var result = await ManifestReader.ReadAsync([Repo.Corpus("hostile", "PAM108-inline-secret.yaml")], TextReader.Null, Catalogs.Default, CancellationToken.None);

        result.Diagnostics.Should().NotBeEmpty();
        result.Diagnostics.Should().OnlyContain(d => !(d.Summary + d.Detail).Contains("hunter2", StringComparison.Ordinal));
    }
}
