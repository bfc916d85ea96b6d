using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PamOperator.Core.Providers;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The operator's Prometheus metrics, hand-written (text exposition format 0.0.4). Thread-safe; bounded: labels are
/// kind names (a fixed set) and result. Names: pamoperator_reconcile_total{kind,result},
/// pamoperator_reconcile_errors_total{kind}, pamoperator_reconcile_duration_seconds{kind} (histogram),
/// pamoperator_reconcile_batches_total, pamoperator_queue_depth, pamoperator_leader, pamoperator_pam_observations_total,
/// pamoperator_pam_api_calls_total{vendor,verb,status} (as the <see cref="IApiCallObserver"/> handed to vendor clients;
/// verb is the HTTP method, status the HTTP status or 0 for no answer).
/// </summary>
public sealed class OperatorMetrics : IApiCallObserver
{
    private static readonly double[] Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private readonly ConcurrentDictionary<(string Kind, string Result), long> _reconciles = new();
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private readonly ConcurrentDictionary<string, Histogram> _durations = new();
    private readonly ConcurrentDictionary<(string Vendor, string Verb, int Status), long> _apiCalls = new();
    private long _batches;
    private long _observations;

    /// <summary>Current queue depth (read when rendering).</summary>
    public Func<int> QueueDepth { get; set; } = () => 0;

    /// <summary>Whether this instance leads (read when rendering).</summary>
    public Func<bool> IsLeader { get; set; } = () => false;

    public long Batches => Interlocked.Read(ref _batches);

    public long Observations => Interlocked.Read(ref _observations);

    public void BatchStarted() => Interlocked.Increment(ref _batches);

    public void Observed() => Interlocked.Increment(ref _observations);

    public void Reconciled(string kind, bool success)
    {
        _reconciles.AddOrUpdate((kind, success ? "success" : "error"), 1, (_, v) => v + 1);
        if (!success)
        {
            _errors.AddOrUpdate(kind, 1, (_, v) => v + 1);
        }
    }

    /// <summary>Counts one PAM API attempt (called by the vendor client; cheap, thread-safe, never throws).</summary>
    public void Observe(string vendor, string method, int status) => _apiCalls.AddOrUpdate((vendor, method, status), 1, (_, v) => v + 1);

    /// <summary>PAM API attempts counted so far with these labels.</summary>
    public long ApiCalls(string vendor, string method, int status) => _apiCalls.TryGetValue((vendor, method, status), out var v) ? v : 0;

    public void Duration(string kind, TimeSpan elapsed) => _durations.GetOrAdd(kind, _ => new Histogram(Buckets)).Observe(elapsed.TotalSeconds);

    public string Render()
    {
        var sb = new StringBuilder();
        Header(sb, "pamoperator_reconcile_total", "counter", "Objects reconciled, by kind and result.");
        foreach (var ((kind, result), value) in _reconciles.OrderBy(e => e.Key))
        {
            Line(sb, $"pamoperator_reconcile_total{{kind=\"{kind}\",result=\"{result}\"}}", value);
        }

        Header(sb, "pamoperator_reconcile_errors_total", "counter", "Objects whose reconcile failed, by kind.");
        foreach (var (kind, value) in _errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Line(sb, $"pamoperator_reconcile_errors_total{{kind=\"{kind}\"}}", value);
        }

        Header(sb, "pamoperator_reconcile_duration_seconds", "histogram", "Duration of the batches that reconciled a kind.");
        foreach (var (kind, histogram) in _durations.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            histogram.Render(sb, "pamoperator_reconcile_duration_seconds", kind);
        }

        Header(sb, "pamoperator_reconcile_batches_total", "counter", "Reconcile batches (one observation, plan and apply each).");
        Line(sb, "pamoperator_reconcile_batches_total", Batches);
        Header(sb, "pamoperator_pam_observations_total", "counter", "Observations of a PAM (each a set of paged list calls).");
        Line(sb, "pamoperator_pam_observations_total", Observations);
        Header(sb, "pamoperator_pam_api_calls_total", "counter", "PAM API HTTP attempts (retries included), by vendor, verb and status (0 = no answer).");
        foreach (var ((vendor, verb, status), value) in _apiCalls.OrderBy(e => e.Key))
        {
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"pamoperator_pam_api_calls_total{{vendor=\"{vendor}\",verb=\"{verb}\",status=\"{status}\"}}"), value);
        }

        Header(sb, "pamoperator_queue_depth", "gauge", "Keys waiting in the work queue.");
        Line(sb, "pamoperator_queue_depth", QueueDepth());
        Header(sb, "pamoperator_leader", "gauge", "1 when this instance is the leader.");
        Line(sb, "pamoperator_leader", IsLeader() ? 1 : 0);
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string name, string type, string help) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");

    internal static void Line(StringBuilder sb, string series, double value) =>
        sb.Append(series).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
