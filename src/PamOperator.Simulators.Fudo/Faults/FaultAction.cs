namespace PamOperator.Simulators.Fudo.Faults;

/// <summary>What the fault settings do to one HTTP request, decided once when it arrives.</summary>
internal enum FaultAction
{
    None,
    Drop,
    Timeout,
    RateLimited,
    Fail,
}
