using PamOperator.Core.Diagnostics;
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
/// announced on stderr. A reference to a ProviderConfig that is not in the input never falls back to a simulator.
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
    public static async Task<OpenTargets?> OpenAsync(
        ManifestReadResult read, PlanOptionsFactory options, CliConsole console, DiagnosticBag diagnostics, CancellationToken cancellationToken,
        string? embeddedVendor = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read.ProviderConfigs.Count == 0
            ? await EmbeddedAsync(read, options, console, diagnostics, embeddedVendor, cancellationToken)
            : await ConfiguredAsync(read, options, console, diagnostics, cancellationToken);
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

            var connection = await module.ConnectAsync(new VendorConnectRequest
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
            }, cancellationToken);
            targets.Add(new PamTarget
            {
                Name = config.Name,
                Description = $"{config.Vendor} at {config.Endpoint} (ProviderConfig {config.Name})",
                Connection = connection,
                Kinds = module.Kinds,
                Desired = [.. read.Objects.Where(o => ProviderConfigChoice.For(o, read.ProviderConfigs)?.Name == config.Name)],
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
                Options = options(null),
                TargetIdentityOverride = EmbeddedSimulator.TargetIdentity(vendor),
            });
        }

        return new OpenTargets(targets, simulators, stateLock);
    }
}

/// <summary>The plan options for a PAM, from its ProviderConfig (null for an embedded simulator) and the command line.</summary>
public delegate PlanOptions PlanOptionsFactory(ProviderConfig? config);
