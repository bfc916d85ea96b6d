namespace PamOperator.Operator.Hosting;

/// <summary>How <c>pamctl operator</c> runs. Defaults match the Helm chart and kustomize base.</summary>
public sealed record OperatorOptions
{
    /// <summary>Namespace to watch; null = all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>Take part in leader election on the Lease <see cref="LeaseName"/>; only the leader reconciles. Default true.</summary>
    public bool LeaderElect { get; init; } = true;

    /// <summary>Namespace of the Lease; null = the client's default namespace (the pod's).</summary>
    public string? LeaseNamespace { get; init; }

    public string LeaseName { get; init; } = "pam-operator";

    /// <summary>This instance's identity in the Lease. Default: host name and a random suffix.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a Lease lasts unrenewed: a follower takes over this long after it last saw the holder renew.
    /// Default 15 s (client-go's).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A leader that has not renewed within this long stops acting at once. Must be shorter than
    /// <see cref="LeaseDuration"/> by more than <see cref="RetryPeriod"/>, so it stops before anyone may take over.
    /// Default 10 s.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between election attempts and renewals. Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>/healthz fails when the leader has made no progress (a batch running, or keys waiting with no batch taken)
    /// for this long, or election has not completed a step: the kubelet then restarts the replica. Default 5 min.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a graceful stop may take (running batches are cancelled at once; this bounds the rest).
    /// Default 30 s (the pod's terminationGracePeriodSeconds).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A watch stream silent this long is abandoned and resumed (a black-holed connection). Default 330 s.</summary>
    public TimeSpan WatchIdleTimeout { get; init; } = TimeSpan.FromSeconds(330);

    /// <summary>Period of the full drift resync (every object enqueued, observed by list calls). Default 10 min,
    /// each period jittered by up to 10 %.</summary>
    public TimeSpan Resync { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a batch waits for more keys before it starts; while keys keep arriving it waits another window
    /// (a trickle, such as kubectl or Argo CD applying objects one request at a time, settles into one batch), up to
    /// <see cref="BatchMaxWait"/>. Default 200 ms.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest a batch waits for keys to stop arriving before it starts anyway. Default 2 s.</summary>
    public TimeSpan BatchMaxWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Batches processed at once (each for a different ProviderConfig). Default 2.</summary>
    public int Workers { get; init; } = 2;

    public Queue.Backoff Backoff { get; init; } = Queue.Backoff.Default;

    /// <summary>Port of /healthz and /readyz; 0 = any free port; null = none. Default 8081.</summary>
    public int? HealthPort { get; init; } = 8081;

    /// <summary>Port of /metrics; 0 = any free port; null = none. Default 8080.</summary>
    public int? MetricsPort { get; init; } = 8080;

    /// <summary>Address the HTTP endpoints listen on. Default all interfaces (in a pod); tests use 127.0.0.1.</summary>
    public string ListenAddress { get; init; } = "0.0.0.0";

    /// <summary>Server-side timeout of each watch request, after which it is resumed. Default 300 s.</summary>
    public int WatchTimeoutSeconds { get; init; } = 300;

    /// <summary>Where intent is journaled before each write of a PAM without transactions (one JSON-lines file per
    /// apply). Mount a volume here to keep it across pod restarts. Default <c>$TMPDIR/pamoperator-journal</c>.</summary>
    public string JournalDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "pamoperator-journal");

    /// <summary>Throws <see cref="ArgumentException"/> for timings that could let two leaders act at once.</summary>
    public void Validate()
    {
        if (RenewDeadline <= TimeSpan.Zero || RetryPeriod <= TimeSpan.Zero || RenewDeadline + RetryPeriod >= LeaseDuration)
        {
            throw new ArgumentException(
                $"leader election needs renew deadline + retry period < lease duration (got {RenewDeadline.TotalSeconds} s + {RetryPeriod.TotalSeconds} s, lease {LeaseDuration.TotalSeconds} s)");
        }
    }
}
