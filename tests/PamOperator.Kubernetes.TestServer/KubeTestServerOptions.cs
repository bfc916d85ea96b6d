namespace PamOperator.Kubernetes.TestServer;

/// <summary>Settings of a <see cref="KubeTestServer"/>; the defaults suit most tests.</summary>
public sealed record KubeTestServerOptions
{
    /// <summary>Clock for creation and deletion timestamps and table ages. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many events the watch history keeps before older resourceVersions get 410. Default 1000.</summary>
    public int HistoryLimit { get; init; } = 1000;

    /// <summary>How a watch from a compacted resourceVersion is refused. Default: HTTP 410. Changeable at run time.</summary>
    public GoneMode GoneMode { get; set; } = GoneMode.HttpStatus;
}
