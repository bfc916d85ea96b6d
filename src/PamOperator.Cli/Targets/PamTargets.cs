using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Vendors;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Runs;
using PamOperator.Manifests;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Cli.Targets;

/// <summary>
/// Chooses and opens the PAMs of a run. Every ProviderConfig of the input is one PAM, managing the objects whose
/// <c>providerConfigRef</c> names it (without one: the only ProviderConfig, else the one named <c>default</c>; the
/// validator has refused anything else). No ProviderConfig at all: one embedded simulator per vendor of the objects,
/// announced on stderr, but only when it was chosen (<c>--embedded</c>) or a person is at a terminal; otherwise a
/// forgotten ProviderConfig is error PAM015, never a silent simulator. A reference to a ProviderConfig that is not in
/// the input never falls back to a simulator either.
/// </summary>
public static class PamTargets
{
    /// <summary>Opens the targets, or returns null with diagnostics (no connection is left open then).</summary>
    /// <param name="read">The validated input.</param>
    /// <param name="options">The plan options of each PAM.</param>
    /// <param name="console">The process: environment for secrets, stderr for notices, the registry.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the connection and simulator starts.</param>
    /// <param name="embeddedVendor">The vendor to simulate when the input has neither ProviderConfigs nor objects
    /// (import); default the registry's first.</param>
    /// <param name="embedded">The user chose the embedded simulators (<c>--embedded</c>). Default false: without a
    /// ProviderConfig, the simulators are used only on an interactive terminal.</param>
    public static async Task<OpenTargets?> OpenAsync(
        ManifestReadResult read, PlanOptionsFactory options, CliConsole console, DiagnosticBag diagnostics, CancellationToken cancellationToken,
        string? embeddedVendor = null, bool embedded = false)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.ProviderConfigs.Count > 0)
        {
            if (embedded)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmbeddedWithProviderConfig,
                    $"--embedded was given, but the input has ProviderConfig(s): {string.Join(", ", read.ProviderConfigs.Select(c => c.Name).Order(StringComparer.Ordinal))}",
                    "Which PAM is meant is unclear, so nothing was read or written. Remove --embedded to use the ProviderConfig(s), or leave them out of -f to use the embedded simulator."));
                return null;
            }

            return await ConfiguredAsync(read, options, console, diagnostics, cancellationToken);
        }

        if (!embedded && !console.IsInteractive)
        {
            var vendors = read.Objects.Select(o => o.Kind.Vendor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ProviderConfigMissing,
                "the input has no ProviderConfig, so pamctl does not know which PAM to use",
                "Add the file with your ProviderConfig to -f (see examples/providerconfig/), or pass --embedded to run against the embedded "
                + $"{(vendors.Count == 0 ? "" : string.Join(" and ", vendors) + " ")}simulator (state in .pamctl/). Nothing was read or written."));
            return null;
        }

        return await EmbeddedAsync(read, options, console, diagnostics, embeddedVendor, cancellationToken);
    }

    private static async Task<OpenTargets?> ConfiguredAsync(
        ManifestReadResult read, PlanOptionsFactory options, CliConsole console, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var targets = new List<PamTarget>();
        foreach (var config in read.ProviderConfigs.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var module = console.Vendors.Find(config.Vendor);
            if (module is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.VendorNotSupported, $"vendor '{config.Vendor}' is not supported by this pamctl",
                    $"This build knows: {string.Join(", ", console.Vendors.Vendors)}.", config.Location, config.Name));
                continue;
            }

            var credential = SecretValueResolver.For(console).Resolve(config.Credentials, config.Name, config.Location, diagnostics,
                SecretPolicies.ForCredentials(config, read.SecretRoots));
            if (credential is null)
            {
                continue;
            }

            if (config.Tls.CaFile is { } caFile && !File.Exists(caFile))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CaFileUnusable, $"spec.tls.caFile of ProviderConfig {config.Name} does not exist: {caFile}",
                    "Give the PEM file of the CA that signed the PAM's certificate (a path relative to the manifest's directory), or remove "
                    + "spec.tls.caFile to trust the system's CAs.", config.Location, config.Name));
                continue;
            }

            var connection = await ConnectAsync(module, config, new VendorConnectRequest
            {
                Name = config.Name,
                Endpoint = config.Endpoint,
                Credentials = credential,
                CaFile = config.Tls.CaFile,
                InsecureSkipVerify = config.Tls.InsecureSkipVerify,
                RequestsPerSecond = config.RateLimit.RequestsPerSecond,
                Burst = config.RateLimit.Burst,
                Settings = config.VendorSettings,
                StateDirectory = Path.Combine(console.WorkingDirectory, EmbeddedSimulator.StateDirectory),
            }, diagnostics, cancellationToken);
            if (connection is null)
            {
                continue;
            }

            List<ManifestObject> desired = [.. read.Objects.Where(o => ProviderConfigChoice.For(o, read.ProviderConfigs)?.Name == config.Name)];
            targets.Add(new PamTarget
            {
                Name = config.Name,
                Description = $"{config.Vendor} at {config.Endpoint} (ProviderConfig {config.Name})",
                Connection = connection,
                Kinds = module.Kinds,
                Desired = desired,
                Removed = OrphanLedger.Removed(console, connection.TargetIdentity, desired),
                Options = options(config),
                Parallelism = config.Parallelism,
            });
        }

        var open = new OpenTargets(targets, []);
        if (diagnostics.HasErrors)
        {
            await open.DisposeAsync();
            return null;
        }

        return open;
    }

    /// <summary>Connects, turning what a user can get wrong in the files a ProviderConfig names (an unreadable or
    /// malformed CA bundle) into a diagnostic; null then.</summary>
    private static async Task<IVendorConnection?> ConnectAsync(
        IVendorModule module, ProviderConfig config, VendorConnectRequest request, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await module.ConnectAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CaFileUnusable,
                $"cannot use spec.tls.caFile of ProviderConfig {config.Name} ({config.Tls.CaFile}): {ex.Message}",
                "Give a readable PEM file holding the CA certificate(s) that signed the PAM's certificate.", config.Location, config.Name));
            return null;
        }
    }

    private static async Task<OpenTargets?> EmbeddedAsync(
        ManifestReadResult read, PlanOptionsFactory options, CliConsole console, DiagnosticBag diagnostics, string? embeddedVendor,
        CancellationToken cancellationToken)
    {
        // One run at a time in a directory: the embedded state is not shared between processes.
        var stateLock = await EmbeddedStateLock.AcquireAsync(
            Path.Combine(console.WorkingDirectory, EmbeddedSimulator.StateDirectory), EmbeddedStateLock.DefaultWait, diagnostics, cancellationToken);
        if (stateLock is null)
        {
            return null;
        }

        try
        {
            return await StartEmbeddedAsync(read, options, console, embeddedVendor, stateLock, cancellationToken);
        }
        catch
        {
            stateLock.Dispose();
            throw;
        }
    }

    private static async Task<OpenTargets> StartEmbeddedAsync(
        ManifestReadResult read, PlanOptionsFactory options, CliConsole console, string? embeddedVendor, IDisposable stateLock,
        CancellationToken cancellationToken)
    {
        var vendors = read.Objects.Select(o => o.Kind.Vendor).Distinct(StringComparer.Ordinal).ToList();
        if (vendors.Count == 0)
        {
            vendors.Add(embeddedVendor ?? console.Vendors.Vendors[0]);
        }

        var targets = new List<PamTarget>();
        var simulators = new List<IVendorSimulator>();
        foreach (var vendor in vendors.Order(StringComparer.Ordinal))
        {
            var module = console.Vendors.Find(vendor)!;
            var factory = console.Vendors.SimulatorFor(vendor)
                ?? throw new InvalidOperationException($"vendor {vendor} has no simulator to embed");
            var simulator = await EmbeddedSimulator.StartAsync(factory, console.WorkingDirectory, cancellationToken);
            simulators.Add(simulator);
            console.Redactor.Register(simulator.Credentials);
            await console.Error.WriteLineAsync(EmbeddedSimulator.Notice(module));
            var connection = await module.ConnectAsync(new VendorConnectRequest
            {
                Name = EmbeddedSimulator.SectionName(vendor),
                Endpoint = simulator.BaseAddress,
                Credentials = simulator.Credentials,
                CaFile = simulator.CaFile,
                RequestsPerSecond = 10_000,
                Burst = 10_000,
                StateDirectory = Path.Combine(console.WorkingDirectory, EmbeddedSimulator.StateDirectory),
            }, cancellationToken);
            targets.Add(new PamTarget
            {
                Name = EmbeddedSimulator.SectionName(vendor),
                Description = $"the embedded {module.DisplayName} simulator",
                Connection = connection,
                Kinds = module.Kinds,
                Desired = [.. read.Objects.Where(o => o.Kind.Vendor == vendor)],
                Removed = OrphanLedger.Removed(console, EmbeddedSimulator.TargetIdentity(vendor), [.. read.Objects.Where(o => o.Kind.Vendor == vendor)]),
                Options = options(null),
                TargetIdentityOverride = EmbeddedSimulator.TargetIdentity(vendor),
            });
        }

        return new OpenTargets(targets, simulators, stateLock);
    }
}

/// <summary>The plan options for a PAM, from its ProviderConfig (null for an embedded simulator) and the command line.</summary>
public delegate PlanOptions PlanOptionsFactory(ProviderConfig? config);
