using PamOperator.Core.Diagnostics;
using PamOperator.Manifests;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Secrets;
using PamOperator.Providers.Fudo;

namespace PamOperator.Cli.Targets;

/// <summary>
/// Chooses and opens the PAM for a run. No ProviderConfig: the embedded simulator (announced on stderr). One, or all
/// objects referring to the same one: that PAM. Objects spread over several ProviderConfigs: a diagnostic (run once per
/// ProviderConfig, e.g. one directory each).
/// </summary>
public static class ProviderSessions
{
    public static async Task<ProviderSession?> OpenAsync(
        ManifestReadResult read,
        CliConsole console,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        if (read.ProviderConfigs.Count == 0)
        {
            var stateLock = await EmbeddedStateLock.AcquireAsync(
                Path.Combine(console.WorkingDirectory, EmbeddedSimulator.StateDirectory), EmbeddedStateLock.DefaultWait, diagnostics, cancellationToken);
            if (stateLock is null)
            {
                return null;
            }

            try
            {
                var simulator = await EmbeddedSimulator.StartAsync(console.WorkingDirectory, cancellationToken);
                console.Redactor.Register(simulator.ApiKey);
                await console.Error.WriteLineAsync(EmbeddedSimulator.Notice(Path.Combine(EmbeddedSimulator.StateDirectory, EmbeddedSimulator.DatabaseFile)));
                var options = new FudoClientOptions { Endpoint = simulator.BaseAddress, ApiKey = simulator.ApiKey, RequestsPerSecond = 10_000, Burst = 10_000 };
                return new ProviderSession("the embedded Fudo simulator", null, FudoProvider.Create(options, KindCatalog.All), simulator) { StateLock = stateLock };
            }
            catch
            {
                stateLock.Dispose();
                throw;
            }
        }

        var config = Choose(read, diagnostics);
        if (config is null)
        {
            return null;
        }

        if (!string.Equals(config.Vendor, "fudo", StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.VendorNotSupported,
                $"vendor '{config.Vendor}' is not supported by this pamctl yet",
                "This build plans and applies against Fudo PAM (vendor: fudo).", config.Location, config.Name));
            return null;
        }

        var apiKey = SecretValueResolver.For(console).Resolve(config.Credentials, config.Name, config.Location, diagnostics,
            SecretPolicies.ForCredentials(config, read.SecretRoots));
        if (apiKey is null)
        {
            return null;
        }

        var clientOptions = new FudoClientOptions
        {
            Endpoint = config.Endpoint,
            ApiKey = apiKey,
            CaFile = config.Tls.CaFile,
            InsecureSkipVerify = config.Tls.InsecureSkipVerify,
            RequestsPerSecond = config.RateLimit.RequestsPerSecond,
            Burst = config.RateLimit.Burst,
            UseAtomicBatch = config.Transaction.Mode == TransactionMode.Atomic,
            MaxBatchSize = config.Transaction.MaxBatchSize,
        };
        var description = $"fudo at {config.Endpoint} (ProviderConfig {config.Name})";
        return new ProviderSession(description, config, FudoProvider.Create(clientOptions, KindCatalog.All), null);
    }

    private static ProviderConfig? Choose(ManifestReadResult read, DiagnosticBag diagnostics)
    {
        if (read.ProviderConfigs.Count == 1)
        {
            return read.ProviderConfigs[0];
        }

        var referenced = read.Objects
            .Select(o => o.Control.ProviderConfigRef)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (referenced.Count == 1 && referenced[0] is { } name)
        {
            return read.ProviderConfigs.First(p => p.Name == name);
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MultipleProviders,
            $"the input has {read.ProviderConfigs.Count} ProviderConfigs and its objects do not all refer to the same one",
            "Plan and apply one ProviderConfig per run: keep each PAM's manifests (and its ProviderConfig) in its own directory.",
            read.ProviderConfigs[1].Location));
        return null;
    }
}
