using System.Text;
using PamOperator.Core.Providers;
using PamOperator.Kubernetes;
using Prometheus;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The operator's Prometheus metrics on prometheus-net, in a registry of their own (one per operator host). The names
/// are controller-runtime's where it has one, so its dashboards and alerts work unchanged:
/// controller_runtime_reconcile_total{controller,result}, controller_runtime_reconcile_errors_total{controller},
/// controller_runtime_reconcile_time_seconds{controller}, controller_runtime_active_workers{controller},
/// controller_runtime_max_concurrent_reconciles{controller}; workqueue_depth, workqueue_adds_total,
/// workqueue_retries_total, workqueue_queue_duration_seconds, workqueue_work_duration_seconds,
/// workqueue_unfinished_work_seconds, workqueue_longest_running_processor_seconds (labels name, controller);
/// rest_client_requests_total{code,method,host}, rest_client_request_duration_seconds{verb,host},
/// rest_client_rate_limiter_duration_seconds{verb,host}; leader_election_master_status{name}; and the process and
/// .NET runtime collectors (process_cpu_seconds_total, process_resident_memory_bytes, dotnet_*). What is PAMOperator's
/// own: pamoperator_reconcile_batches_total, pamoperator_pam_observations_total and
/// pamoperator_pam_api_calls_total{vendor,verb,status} (as the <see cref="IApiCallObserver"/> handed to vendor
/// clients). Label values are kinds, HTTP verbs and codes: a bounded set. Thread-safe.
/// </summary>
public sealed class OperatorMetrics : IApiCallObserver, IRestClientObserver
{
    /// <summary>The work queue's name label (controller-runtime names it after the controller).</summary>
    public const string QueueName = "pam-operator";

    private static readonly double[] Durations = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private readonly Counter _reconciles;
    private readonly Counter _errors;
    private readonly Histogram _reconcileTime;
    private readonly Gauge _activeWorkers;
    private readonly Gauge _maxWorkers;
    private readonly Gauge _depth;
    private readonly Counter _adds;
    private readonly Counter _retries;
    private readonly Histogram _queueDuration;
    private readonly Histogram _workDuration;
    private readonly Gauge _unfinished;
    private readonly Gauge _longest;
    private readonly Counter _restRequests;
    private readonly Histogram _restDuration;
    private readonly Histogram _rateLimiter;
    private readonly Gauge _leader;
    private readonly Counter _batches;
    private readonly Counter _observations;
    private readonly Counter _apiCalls;

    public OperatorMetrics(string leaseName = "pam-operator")
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var f = Metrics.WithCustomRegistry(Registry);
        var buckets = new HistogramConfiguration { Buckets = Durations };
        _reconciles = f.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller.", ["controller", "result"]);
        _errors = f.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller.", ["controller"]);
        _reconcileTime = f.CreateHistogram("controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller.", ["controller"], buckets);
        _activeWorkers = f.CreateGauge("controller_runtime_active_workers", "Number of currently used workers per controller.", ["controller"]);
        _maxWorkers = f.CreateGauge("controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller.", ["controller"]);
        string[] queue = ["name", "controller"];
        _depth = f.CreateGauge("workqueue_depth", "Current depth of workqueue.", queue);
        _adds = f.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue.", queue);
        _retries = f.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue.", queue);
        _queueDuration = f.CreateHistogram("workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested.", queue, buckets);
        _workDuration = f.CreateHistogram("workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes.", queue, buckets);
        _unfinished = f.CreateGauge("workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration.", queue);
        _longest = f.CreateGauge("workqueue_longest_running_processor_seconds", "How many seconds has the longest running processor for workqueue been running.", queue);
        _restRequests = f.CreateCounter("rest_client_requests_total", "Number of HTTP requests, partitioned by status code, method, and host.", ["code", "method", "host"]);
        _restDuration = f.CreateHistogram("rest_client_request_duration_seconds", "Request latency in seconds. Broken down by verb, and host.", ["verb", "host"], buckets);
        _rateLimiter = f.CreateHistogram("rest_client_rate_limiter_duration_seconds", "Client side rate limiter latency in seconds. Broken down by verb, and host.", ["verb", "host"], buckets);
        _leader = f.CreateGauge("leader_election_master_status", "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master.", ["name"]);
        _batches = f.CreateCounter("pamoperator_reconcile_batches_total", "Batches reconciled (one per ProviderConfig per wake-up).");
        _observations = f.CreateCounter("pamoperator_pam_observations_total", "Observations of a PAM (each a set of paged list calls).");
        _apiCalls = f.CreateCounter("pamoperator_pam_api_calls_total", "PAM API HTTP attempts (retries included), by vendor, verb and status (0 = no answer).", ["vendor", "verb", "status"]);
        LeaseName = leaseName;
        _leader.WithLabels(leaseName).Set(0);
    }

    /// <summary>The registry /metrics exposes.</summary>
    public CollectorRegistry Registry { get; }

    public string LeaseName { get; }

    public long Batches => (long)_batches.Value;

    public long Observations => (long)_observations.Value;

    public void BatchStarted() => _batches.Inc();

    public void Observed() => _observations.Inc();

    public void Reconciled(string kind, bool success)
    {
        var controller = Controller(kind);
        _reconciles.WithLabels(controller, success ? "success" : "error").Inc();
        if (!success)
        {
            _errors.WithLabels(controller).Inc();
        }
    }

    public void Duration(string kind, TimeSpan elapsed) => _reconcileTime.WithLabels(Controller(kind)).Observe(elapsed.TotalSeconds);

    public void Workers(int max, int active)
    {
        _maxWorkers.WithLabels(QueueName).Set(max);
        _activeWorkers.WithLabels(QueueName).Set(active);
    }

    /// <summary>A worker took (+1) or finished (-1) a batch.</summary>
    public void WorkerBusy(int delta) => _activeWorkers.WithLabels(QueueName).Inc(delta);

    public void Leading(bool leading) => _leader.WithLabels(LeaseName).Set(leading ? 1 : 0);

    /// <summary>Counts one PAM API attempt (called by the vendor client; cheap, thread-safe, never throws).</summary>
    public void Observe(string vendor, string method, int status) =>
        _apiCalls.WithLabels(vendor, method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    /// <summary>PAM API attempts counted so far with these labels.</summary>
    public long ApiCalls(string vendor, string method, int status) =>
        (long)_apiCalls.WithLabels(vendor, method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    public void Request(string method, string host, string code, TimeSpan latency)
    {
        _restRequests.WithLabels(code, method, host).Inc();
        _restDuration.WithLabels(method, host).Observe(latency.TotalSeconds);
    }

    public void RateLimited(string method, string host, TimeSpan wait) => _rateLimiter.WithLabels(method, host).Observe(wait.TotalSeconds);

    internal void QueueAdded() => _adds.WithLabels(QueueName, QueueName).Inc();

    internal void QueueRetried() => _retries.WithLabels(QueueName, QueueName).Inc();

    internal void QueueDepth(int depth) => _depth.WithLabels(QueueName, QueueName).Set(depth);

    internal void QueueWaited(TimeSpan waited) => _queueDuration.WithLabels(QueueName, QueueName).Observe(waited.TotalSeconds);

    internal void QueueWorked(TimeSpan worked) => _workDuration.WithLabels(QueueName, QueueName).Observe(worked.TotalSeconds);

    internal void QueueUnfinished(TimeSpan total, TimeSpan longest)
    {
        _unfinished.WithLabels(QueueName, QueueName).Set(total.TotalSeconds);
        _longest.WithLabels(QueueName, QueueName).Set(longest.TotalSeconds);
    }

    /// <summary>The text exposition (what /metrics serves).</summary>
    public string Render()
    {
        using var stream = new MemoryStream();
        Registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>controller-runtime names a controller after its kind, lower case.</summary>
    private static string Controller(string kind) => kind.ToLowerInvariant();
}
