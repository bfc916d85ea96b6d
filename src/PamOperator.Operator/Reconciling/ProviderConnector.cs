using PamOperator.Core.Providers;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Operator.Resources;
using PamOperator.Operator.Status;
using PamOperator.Providers.Fudo;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Opens the PAM a ProviderConfig custom resource describes: validates it with the manifest reader, reads the API key
/// from its Kubernetes Secret (secretKeyRef; namespace from the reference, else the operator's), and creates the Fudo
/// provider (long-lived, from <paramref name="providers"/>), whose every HTTP attempt is reported to
/// <paramref name="calls"/> (metrics). No PAM call happens here.
/// Failures become ProviderConfigMissing or ProviderUnavailable.
/// </summary>
internal sealed class ProviderConnector(ResourceCache cache, ManifestConverter converter, Func<SecretFetcher> secrets, IApiCallObserver calls, ProviderPool providers)
{
    public async Task<ProviderConnection> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var resource = cache.Get(new ResourceKey(OperatorKind.ProviderConfig.Id, null, name));
        if (resource is null || resource.IsDeleting)
        {
            return Fail(ConditionReasons.ProviderConfigMissing, $"ProviderConfig '{name}' does not exist: create it, or set spec.providerConfigRef.name.");
        }

        var read = await converter.ConvertAsync(resource, cancellationToken);
        if (!read.IsValid || read.Config is not { } config)
        {
            return Fail(ConditionReasons.ProviderConfigMissing, $"ProviderConfig '{name}' is invalid: {read.Message}");
        }

        if (!string.Equals(config.Vendor, "fudo", StringComparison.Ordinal))
        {
            return Fail(ConditionReasons.ProviderUnavailable, $"vendor '{config.Vendor}' is not supported by this operator (fudo only)");
        }

        var (apiKey, error) = await secrets().GetAsync(config.Credentials, null, cancellationToken);
        if (apiKey is null)
        {
            return Fail(ConditionReasons.ProviderUnavailable, $"the credentials of ProviderConfig '{name}' are unavailable: {error}");
        }

        var options = new FudoClientOptions
        {
            Endpoint = config.Endpoint,
            ApiKey = apiKey.Trim(),
            CaFile = config.Tls.CaFile,
            InsecureSkipVerify = config.Tls.InsecureSkipVerify,
            RequestsPerSecond = config.RateLimit.RequestsPerSecond,
            Burst = config.RateLimit.Burst,
            UseAtomicBatch = config.Transaction.Mode == TransactionMode.Atomic,
            MaxBatchSize = config.Transaction.MaxBatchSize,
            CallObserver = calls,
        };
        return new ProviderConnection(providers.Get(name, options, KindCatalog.All), config, null, null);
    }

    private static ProviderConnection Fail(string reason, string message) => new(null, null, reason, message);
}
