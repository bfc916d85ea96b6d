using System.Text.Json.Nodes;
using PamOperator.Cli.Targets;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Plans;
using PamOperator.Manifests;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Cli.Workflows;

/// <summary>Secrets for pamctl: <c>valueFrom.env</c> and <c>valueFrom.file</c> (relative to the manifest's directory),
/// under the secret-source policy of the object's manifests when <paramref name="read"/> is given.</summary>
public sealed class CliSecretSource(SecretValueResolver resolver, ManifestReadResult? read = null) : ISecretValueSource
{
    public string? Resolve(JsonObject reference, ResourceChange change, DiagnosticBag diagnostics)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(change.Location?.File ?? ".")) ?? Directory.GetCurrentDirectory();
        var parsed = SecretReference.Parse(reference, baseDirectory);
        if (parsed is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable, $"the secret of {change.Address} has no usable valueFrom",
                "Use valueFrom.env or valueFrom.file.", change.Location, change.Address.ToString()));
            return null;
        }

        var declared = read?.Objects.FirstOrDefault(o => o.Address == change.Address);
        var policy = declared is null ? null : SecretPolicies.For(declared, read!.ProviderConfigs, read.SecretRoots);
        // Problems are located at the secret's own field (spec.secret), not at the document's start.
        var path = change.Secrets.FirstOrDefault(s => ReferenceEquals(s.Reference, reference))?.Path;
        var location = declared is not null && path is not null ? declared.LocationOf("spec." + path) : change.Location;
        return resolver.Resolve(parsed, change.Address.ToString(), location, diagnostics, policy);
    }
}
