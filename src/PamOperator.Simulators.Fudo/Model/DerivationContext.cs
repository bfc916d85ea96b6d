namespace PamOperator.Simulators.Fudo.Model;

/// <summary>What a derived attribute may consult.</summary>
internal sealed record DerivationContext(IObjectLookup Lookup, FudoCompatibility Compatibility);
