namespace PamOperator.Kubernetes.TestServer;

/// <summary>How a watch from a compacted resourceVersion is refused; real servers use both.</summary>
public enum GoneMode
{
    /// <summary>An HTTP 410 response with a Status body.</summary>
    HttpStatus,
    /// <summary>HTTP 200, then one ERROR event whose Status carries code 410, then the end of the stream.</summary>
    ErrorEvent,
}
