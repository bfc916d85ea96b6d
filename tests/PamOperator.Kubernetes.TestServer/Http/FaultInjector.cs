namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>Queued responses that replace the next N requests matching a method and path (a test hook).</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public void Add(string method, string path, int count, int statusCode, int? retryAfterSeconds)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(method, path, statusCode, retryAfterSeconds) { Remaining = count });
        }
    }

    /// <summary>Consumes one injected response for the request, if any is queued.</summary>
    public ApiResult? TryTake(string method, string path)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0
                && string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)
                && string.Equals(f.Path, path, StringComparison.Ordinal));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            var reason = fault.StatusCode switch
            {
                429 => "TooManyRequests",
                409 => "Conflict",
                503 => "ServiceUnavailable",
                _ => "InternalError",
            };
            return StatusBodies.Failure(fault.StatusCode, reason, $"injected {fault.StatusCode}")
                with { RetryAfterSeconds = fault.RetryAfterSeconds };
        }
    }

    private sealed record Fault(string Method, string Path, int StatusCode, int? RetryAfterSeconds)
    {
        public int Remaining { get; set; }
    }
}
