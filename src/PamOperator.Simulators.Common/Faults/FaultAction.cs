namespace PamOperator.Simulators.Common.Faults;

/// <summary>What the fault settings do to one HTTP request, decided once when it arrives.</summary>
public enum FaultAction
{
    None,
    Drop,
    Timeout,
    RateLimited,
    Fail,
}
