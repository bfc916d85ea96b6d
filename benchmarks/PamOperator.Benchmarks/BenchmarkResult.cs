using System.Globalization;
using System.Text;

namespace PamOperator.Benchmarks;

/// <summary>One measured run against its targets.</summary>
internal sealed record BenchmarkResult(int Objects, int ExitCode, TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSetBytes, int ApiCalls, int ExpectedApiCalls)
{
    /// <summary>Targets for a no-op plan over 50,000 live objects on the project's 2-core machine (Release build).</summary>
    public static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(10);
    public const long MaxPeakWorkingSetBytes = 1536L * 1024 * 1024;

    public bool MeetsTargets => ExitCode == 0 && Elapsed <= MaxElapsed && PeakWorkingSetBytes <= MaxPeakWorkingSetBytes && ApiCalls == ExpectedApiCalls;

    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"no-op plan over {Objects} live objects (simulator in-process, loopback HTTP)");
        sb.AppendLine(c, $"  exit code        {ExitCode} (target 0: no changes)");
        sb.AppendLine(c, $"  wall time        {Elapsed.TotalSeconds:0.00} s (target <= {MaxElapsed.TotalSeconds:0} s)");
        sb.AppendLine(c, $"  peak memory      {PeakWorkingSetBytes / 1048576} MiB working set (target <= {MaxPeakWorkingSetBytes / 1048576} MiB)");
        sb.AppendLine(c, $"  allocated        {AllocatedBytes / 1048576} MiB");
        sb.AppendLine(c, $"  PAM API calls    {ApiCalls} (target exactly {ExpectedApiCalls}: the list pages)");
        sb.Append(MeetsTargets ? "RESULT: targets met" : "RESULT: TARGETS MISSED");
        return sb.ToString();
    }
}
