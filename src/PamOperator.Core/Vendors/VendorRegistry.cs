using PamOperator.Core.Schema;

namespace PamOperator.Core.Vendors;

/// <summary>
/// The vendors this build knows. Everything that is per vendor (manifest kinds, CRDs, RBAC, ProviderConfig sections,
/// connections, import, simulators) enumerates it; nothing else names a vendor. Immutable.
/// </summary>
public sealed class VendorRegistry
{
    private readonly Dictionary<string, VendorRegistration> _byVendor = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="ArgumentException"/> when two registrations share a vendor, a group or a kind, or a
    /// simulator's vendor differs from its module's.</summary>
    public VendorRegistry(IEnumerable<VendorRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var module = registration.Module;
            if (!_byVendor.TryAdd(module.Vendor, registration) || !groups.Add(module.Group))
            {
                throw new ArgumentException($"vendor {module.Vendor} (group {module.Group}) is registered twice", nameof(registrations));
            }

            if (registration.Simulator is { } simulator && simulator.Vendor != module.Vendor)
            {
                throw new ArgumentException($"the simulator for {simulator.Vendor} is registered with module {module.Vendor}", nameof(registrations));
            }

            if (module.Kinds.Any(k => k.Group != module.Group || k.Vendor != module.Vendor))
            {
                throw new ArgumentException($"a kind of {module.Vendor} is not in group {module.Group}", nameof(registrations));
            }

            Registrations = [.. Registrations, registration];
        }
    }

    public IReadOnlyList<VendorRegistration> Registrations { get; } = [];

    public IEnumerable<IVendorModule> Modules => Registrations.Select(r => r.Module);

    /// <summary>Every vendor kind of every module, in registration order.</summary>
    public IReadOnlyList<KindDescriptor> Kinds => [.. Modules.SelectMany(m => m.Kinds)];

    /// <summary>The vendor keys, in registration order.</summary>
    public IReadOnlyList<string> Vendors => [.. Modules.Select(m => m.Vendor)];

    /// <summary>The module for <paramref name="vendor"/> (exact, lower case); null when unknown.</summary>
    public IVendorModule? Find(string? vendor) =>
        vendor is not null && _byVendor.TryGetValue(vendor, out var r) ? r.Module : null;

    /// <summary>The simulator for <paramref name="vendor"/>; null when unknown or the module has none.</summary>
    public IVendorSimulatorFactory? SimulatorFor(string? vendor) =>
        vendor is not null && _byVendor.TryGetValue(vendor, out var r) ? r.Simulator : null;

    /// <summary>The module owning <paramref name="kind"/>; null when the kind is no vendor's (ProviderConfig).</summary>
    public IVendorModule? ModuleOf(KindDescriptor kind) => Find(kind.Vendor) is { } m && m.Group == kind.Group ? m : null;
}
