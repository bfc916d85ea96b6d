using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>Builds manifests as the loader would: spec as written (no defaults), one line per top-level field.</summary>
internal static class Manifests
{
    public static ManifestObject Safe(string name, string spec = "{}", ControlFields? control = null) =>
        Of(TestCatalog.Safe, name, spec, control);

    public static ManifestObject Account(string name, string spec = "{}", ControlFields? control = null) =>
        Of(TestCatalog.Account, name, spec, control);

    public static ManifestObject UserSafe(string name, string spec, ControlFields? control = null) =>
        Of(TestCatalog.UserSafeAssignment, name, spec, control);

    public static ManifestObject Listener(string name, string spec, ControlFields? control = null) =>
        Of(TestCatalog.AccountSafeListenerAssignment, name, spec, control);

    public static ControlFields Policies(ManagementPolicies policies) => ControlFields.Default with { ManagementPolicies = policies };

    public static ControlFields Orphan { get; } = ControlFields.Default with { DeletionPolicy = DeletionPolicy.Orphan };

    public static ManifestObject Of(KindDescriptor kind, string name, string spec, ControlFields? control = null)
    {
        var json = JsonNode.Parse(spec)!.AsObject();
        var file = $"{kind.Plural}/{name}.yaml";
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var line = 6;
        foreach (var (field, _) in json)
        {
            locations["spec." + field] = new SourceLocation(file, line++, 3);
        }

        return new ManifestObject
        {
            Kind = kind,
            Name = name,
            Spec = json,
            Control = control ?? ControlFields.Default,
            Location = new SourceLocation(file, 1, 1),
            FieldLocations = locations,
        };
    }
}
