using PamOperator.Core.Vendors;
using PamOperator.Providers.CyberArk;
using PamOperator.Providers.Fudo;
using PamOperator.Providers.PrivX;
using PamOperator.Providers.Sps;
using PamOperator.Simulators.CyberArk;
using PamOperator.Simulators.Fudo;
using PamOperator.Simulators.PrivX;
using PamOperator.Simulators.Sps;

namespace PamOperator.Vendors;

/// <summary>
/// The vendors of this build. A new vendor is its module project, its simulator project and one line here; the CLI,
/// the operator, CRDs, RBAC, docs tables, import and the simulator command all enumerate this list.
/// </summary>
public static class BuiltInVendors
{
    public static VendorRegistry Registry { get; } = new(
    [
        new VendorRegistration(new FudoModule(), new FudoSimulatorFactory()),
        new VendorRegistration(new SpsModule(), new SpsSimulatorFactory()),
        new VendorRegistration(new PrivXModule(), new PrivXSimulatorFactory()),
        new VendorRegistration(new CyberArkModule(), new CyberArkSimulatorFactory()),
    ]);
}
