using System.Globalization;
using PamOperator.Kubernetes.TestServer.Http;
using PamOperator.Kubernetes.TestServer.Resources;
using PamOperator.Kubernetes.TestServer.Storage;

namespace PamOperator.Kubernetes.TestServer;

/// <summary>The server's shared state: storage, served types, clock, faults and the request log.</summary>
internal sealed class ServerContext(KubeTestServerOptions options)
{
    public KubeTestServerOptions Options { get; } = options;

    public ObjectStore Store { get; } = new(options.HistoryLimit, new WatchHub());

    public ResourceRegistry Registry { get; } = new();

    public FaultInjector Faults { get; } = new();

    public List<RecordedRequest> RequestLog { get; } = [];

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Current time as an RFC 3339 timestamp to the second, as metadata timestamps are written.</summary>
    public string Now() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
