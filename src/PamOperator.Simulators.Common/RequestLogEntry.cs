namespace PamOperator.Simulators.Common;

/// <summary>
/// One HTTP request under the vendor's API prefix, with its start and end time. Bodies and headers are never recorded. <paramref name="Status"/> is 0 when the
/// simulator dropped the connection on purpose.
/// </summary>
public sealed record RequestLogEntry(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Method,
    string PathAndQuery,
    int Status,
    double DurationMs);
