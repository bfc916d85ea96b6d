namespace PamOperator.Simulators.Common.Faults;

/// <summary>The fault decision for one request: a delay first, then an action (with its status or hold time).</summary>
public sealed record FaultDecision(int LatencyMs, FaultAction Action, int Status = 0, int HoldMs = 0, int RetryAfterSeconds = 0);
