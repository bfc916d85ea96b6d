using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Validate-time half of the secret-source policy (<see cref="SecretSourcePolicy"/>): every secret reference of every
/// valid object and ProviderConfig is checked without reading any value (PAM220, PAM221), located at its field.
/// </summary>
internal static class SecretSourceValidator
{
    public static void Validate(
        IReadOnlyList<ManifestObject> objects, IReadOnlyList<ProviderConfig> configs, IReadOnlyDictionary<string, string> roots, DiagnosticBag diagnostics)
    {
        foreach (var obj in objects)
        {
            var policy = SecretPolicies.For(obj, configs, roots);
            foreach (var (field, reference) in SecretReferences.Of(obj))
            {
                if (policy.Check(reference, WrittenFile(obj.Spec[field])) is { } violation)
                {
                    diagnostics.Add(Diagnostic.Error(violation.Code, violation.Summary, violation.Detail,
                        obj.LocationOf("spec." + field), obj.Address.ToString()));
                }
            }
        }

        foreach (var config in configs)
        {
            var written = config.Credentials.Source == SecretSource.File ? config.Credentials.Name : null;
            if (SecretPolicies.ForCredentials(config, roots).Check(config.Credentials, written) is { } violation)
            {
                diagnostics.Add(Diagnostic.Error(violation.Code, violation.Summary, violation.Detail, config.Location, $"ProviderConfig {config.Name}"));
            }
        }
    }

    private static string? WrittenFile(JsonNode? secret) =>
        secret?["valueFrom"]?["file"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
