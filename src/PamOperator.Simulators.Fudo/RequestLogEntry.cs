namespace PamOperator.Simulators.Fudo;

/// <summary>
/// One HTTP request under <c>/api/v2</c>. Bodies are never recorded. <paramref name="Status"/> is 0 when the
/// simulator dropped the connection on purpose.
/// </summary>
public sealed record RequestLogEntry(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Method,
    string PathAndQuery,
    int Status,
    double DurationMs);
