namespace PamOperator.Core.Vendors;

/// <summary>One line of the registry: a vendor module and, when it has one, its simulator.</summary>
public sealed record VendorRegistration(IVendorModule Module, IVendorSimulatorFactory? Simulator = null);
