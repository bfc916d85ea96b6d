using System.Globalization;
using System.Text;

namespace PamOperator.Benchmarks;

/// <summary>One measured run against its targets.</summary>
internal sealed record BenchmarkResult(int Objects, int ExitCode, TimeSpan Elapsed, TimeSpan PamServing, long AllocatedBytes, long PeakWorkingSetBytes, int ApiCalls, int ExpectedApiCalls)
{
    /// <summary>Targets for a no-op plan over 50,000 live objects on the project's 2-core machine (Release build):
    /// the whole run "in seconds" (issue F3), pamctl's own share (wall time less the time the PAM spent answering) at
    /// most 10 s, and pamctl's memory (the simulator runs in another process) at most 1.5 GiB. Measured 2026-11-22:
    /// about 11 s wall, 8 s own (read and validate 2.9 s, observe 6.2 s of which the PAM 2.7 s, plan 1.9 s), 1.1 GiB.</summary>
    public static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxOwnTime = TimeSpan.FromSeconds(10);
    public const long MaxPeakWorkingSetBytes = 1536L * 1024 * 1024;

    /// <summary>Wall time less the PAM's serving time (the pages are fetched one after another).</summary>
    public TimeSpan OwnTime => Elapsed - PamServing;

    public bool MeetsTargets => ExitCode == 0 && Elapsed <= MaxElapsed && OwnTime <= MaxOwnTime && PeakWorkingSetBytes <= MaxPeakWorkingSetBytes && ApiCalls == ExpectedApiCalls;

    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"no-op plan over {Objects} live objects (simulator in its own process, loopback HTTP)");
        sb.AppendLine(c, $"  exit code        {ExitCode} (target 0: no changes)");
        sb.AppendLine(c, $"  wall time        {Elapsed.TotalSeconds:0.00} s (target <= {MaxElapsed.TotalSeconds:0} s)");
        sb.AppendLine(c, $"  PAM serving      {PamServing.TotalSeconds:0.00} s (the simulator answering the list pages)");
        sb.AppendLine(c, $"  pamctl's own     {OwnTime.TotalSeconds:0.00} s (target <= {MaxOwnTime.TotalSeconds:0} s)");
        sb.AppendLine(c, $"  peak memory      {PeakWorkingSetBytes / 1048576} MiB working set (target <= {MaxPeakWorkingSetBytes / 1048576} MiB)");
        sb.AppendLine(c, $"  allocated        {AllocatedBytes / 1048576} MiB");
        sb.AppendLine(c, $"  PAM API calls    {ApiCalls} (target exactly {ExpectedApiCalls}: the list pages)");
        sb.Append(MeetsTargets ? "RESULT: targets met" : "RESULT: TARGETS MISSED");
        return sb.ToString();
    }
}
