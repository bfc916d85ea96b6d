using System.Text.Json.Nodes;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Import;

/// <summary>
/// Writes manifests for live objects, so that a team can adopt the tool on an existing PAM: one manifest per live
/// object of the chosen kinds, builtin and hidden objects left out, references by PAM name, no secret (secrets are
/// write-only and never read), defaults left out. Planning the result against the same PAM shows no changes.
/// Pure: the caller observes and writes files.
/// </summary>
public static class Importer
{
    public static (IReadOnlyList<ImportedManifest> Manifests, IReadOnlyList<Diagnostic> Diagnostics) Import(
        LiveState live, IEnumerable<KindDescriptor> kinds)
    {
        var manifests = new List<ImportedManifest>();
        var diagnostics = new List<Diagnostic>();
        foreach (var kind in kinds.OrderBy(k => k.Kind, StringComparer.Ordinal))
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var o in live.OfType(kind.Type).Where(o => !o.Builtin && !o.Hidden).OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase))
            {
                var manifest = ToManifest(kind, o, taken);
                manifests.Add(manifest);
                if (Dangling(o.Spec).FirstOrDefault() is { } path)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ImportDanglingReference,
                        $"{kind.Kind} {o.Key} refers at spec.{path} to an object that was not found by name",
                        "The PAM returned an id that no listed object has; fix the reference in the written manifest before planning.",
                        address: new ObjectAddress(kind.Vendor, kind.Kind, manifest.Name).ToString()));
                }
            }
        }

        return (manifests, diagnostics);
    }

    private static ImportedManifest ToManifest(KindDescriptor kind, LiveObject o, HashSet<string> taken)
    {
        var baseName = KubernetesName.From(kind.IsNamed ? o.Key : string.Join('.', kind.KeyFields.Select(f => o.Spec[f]?.ToString()).Where(v => !string.IsNullOrEmpty(v))));
        var name = baseName;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = $"{baseName}-{i}";
        }

        var metadata = new JsonObject { ["name"] = name };
        if (kind.IsNamed && name != o.Key)
        {
            metadata["annotations"] = new JsonObject { [ManifestObject.ExternalNameAnnotation] = o.Key };
        }

        var document = new JsonObject
        {
            ["apiVersion"] = kind.ApiVersion,
            ["kind"] = kind.Kind,
            ["metadata"] = metadata,
            ["spec"] = DefaultPruner.Prune(kind.Fields, o.Spec),
        };
        return new ImportedManifest(kind, name, document);
    }

    private static IEnumerable<string> Dangling(JsonObject spec, string prefix = "")
    {
        foreach (var (name, value) in spec)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith("id:", StringComparison.Ordinal))
            {
                yield return prefix + name;
            }
            else if (value is JsonObject nested)
            {
                foreach (var p in Dangling(nested, prefix + name + "."))
                {
                    yield return p;
                }
            }
        }
    }
}
