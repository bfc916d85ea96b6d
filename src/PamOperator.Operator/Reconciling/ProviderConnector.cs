using PamOperator.Core.Providers;
using PamOperator.Core.Vendors;
using PamOperator.Operator.Resources;
using PamOperator.Operator.Status;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Opens the PAM a ProviderConfig custom resource describes: validates it with the manifest reader, reads the API key
/// from its Kubernetes Secret (secretKeyRef; namespace from the reference, else the operator's), and connects through the vendor module (long-lived,
/// from <paramref name="connections"/>), whose every HTTP attempt is reported to <paramref name="calls"/> (metrics).
/// No PAM call happens here.
/// Failures become ProviderConfigMissing or ProviderUnavailable. A ProviderConfig being deleted still serves the objects
/// that use it (so they can be deleted): its deletion waits for them (<see cref="ProviderConfigReporter"/>).
/// </summary>
internal sealed class ProviderConnector(ResourceCache cache, ManifestConverter converter, Func<SecretFetcher> secrets, IApiCallObserver calls, ProviderPool connections)
{
    public async Task<ProviderConnection> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var resource = cache.Get(new ResourceKey(OperatorKind.ProviderConfig.Id, null, name));
        if (resource is null)
        {
            return Fail(ConditionReasons.ProviderConfigMissing, $"ProviderConfig '{name}' does not exist: create it, or set spec.providerConfigRef.name.");
        }

        var read = await converter.ConvertAsync(resource, cancellationToken);
        if (!read.IsValid || read.Config is not { } config)
        {
            return Fail(ConditionReasons.ProviderConfigMissing, $"ProviderConfig '{name}' is invalid: {read.Message}");
        }

        if (OperatorCatalog.Kinds.Registry.Find(config.Vendor) is not { } module)
        {
            return Fail(ConditionReasons.ProviderUnavailable,
                $"vendor '{config.Vendor}' is not supported by this operator ({string.Join(", ", OperatorCatalog.Kinds.Registry.Vendors)})");
        }

        var (apiKey, error) = await secrets().GetAsync(config.Credentials, null, cancellationToken);
        if (apiKey is null)
        {
            return Fail(ConditionReasons.ProviderUnavailable, $"the credentials of ProviderConfig '{name}' are unavailable: {error}");
        }

        var connection = await connections.GetAsync(name, module, new VendorConnectRequest
        {
            Name = config.Name,
            Endpoint = config.Endpoint,
            Credentials = apiKey.Trim(),
            CaFile = config.Tls.CaFile,
            InsecureSkipVerify = config.Tls.InsecureSkipVerify,
            RequestsPerSecond = config.RateLimit.RequestsPerSecond,
            Burst = config.RateLimit.Burst,
            Settings = config.VendorSettings,
            CallObserver = calls,
        }, cancellationToken);
        return new ProviderConnection(connection, module, config, null, null);
    }

    private static ProviderConnection Fail(string reason, string message) => new(null, null, null, reason, message);
}
