using PamOperator.Core.Schema;

namespace PamOperator.Core.Vendors;

/// <summary>
/// One vendor, as the engine sees it (after crossplane-runtime's ExternalConnecter): its name and API group, its kinds,
/// the schema of its section in a ProviderConfig, its own diagnostic codes, and a way to connect. The engine, the CLI
/// and the operator never name a vendor: they enumerate <see cref="VendorRegistry"/>. Implementations are immutable
/// singletons, safe to share across threads.
/// </summary>
public interface IVendorModule
{
    /// <summary>Lower-case vendor key, the ProviderConfig's <c>spec.vendor</c> and its section name (e.g. <c>fudo</c>).</summary>
    string Vendor { get; }

    /// <summary>The API group of the vendor's kinds, e.g. <c>fudo.pamoperator.io</c>.</summary>
    string Group { get; }

    /// <summary>The product's name for people, e.g. <c>Fudo PAM</c>.</summary>
    string DisplayName { get; }

    /// <summary>Every kind of the vendor, named objects before the objects that reference them.</summary>
    IReadOnlyList<KindDescriptor> Kinds { get; }

    /// <summary>Fields of the ProviderConfig's <c>spec.&lt;vendor&gt;</c> section (validated with the module's schema
    /// before <see cref="ConnectAsync"/> sees it). Empty when the vendor has no settings of its own.</summary>
    IReadOnlyList<FieldDescriptor> Settings { get; }

    /// <summary>The diagnostic codes only this vendor raises (documented in docs/diagnostics.md like every code).</summary>
    IReadOnlyList<string> DiagnosticCodes { get; }

    /// <summary>
    /// Connects to one PAM with resolved credentials. Sends nothing (the first request is the first observe), so it
    /// is cheap and never fails for network reasons; it throws <see cref="ArgumentException"/> only for settings the
    /// schema could not rule out. The caller owns and disposes the connection.
    /// </summary>
    Task<IVendorConnection> ConnectAsync(VendorConnectRequest request, CancellationToken cancellationToken);
}
