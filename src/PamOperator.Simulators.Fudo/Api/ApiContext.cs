using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Api;

/// <summary>Services a handler may use. Handlers run with the store lock held, inside a transaction.</summary>
internal sealed record ApiContext(ObjectService Service, ObjectRenderer Renderer, FaultState Faults, ApiRouter Router)
{
    public FudoCompatibility Compatibility => Service.Compatibility;
}
