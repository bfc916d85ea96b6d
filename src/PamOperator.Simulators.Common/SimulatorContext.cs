using PamOperator.Simulators.Common.Faults;
using PamOperator.Simulators.Common.Hosting;

namespace PamOperator.Simulators.Common;

/// <summary>
/// What the kit hands to the vendor's build callback (<see cref="SimulatorHost.StartAsync"/>) before the server starts:
/// shared state the vendor's engine may hold on to.
/// </summary>
public sealed record SimulatorContext(
    SimulatorHostOptions Options,
    FaultState Faults,
    RequestLog RequestLog,
    CancellationToken Stopping);
