using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.Kinds;

namespace PamOperator.Cli.Targets;

/// <summary>
/// What pamctl remembers between runs so that <c>deletionPolicy: Orphan</c> holds when a manifest leaves the files (the
/// operator learns it from the deleted custom resource; files leave no trace): per PAM (by target identity), the objects
/// applied with Orphan, in <c>.pamctl/orphans/&lt;hash&gt;.json</c>. A recorded object whose manifest is gone is handed to
/// the planner as removed with Orphan: the plan reports it (<c>orphaned: ...</c>), it leaves management and is never
/// pruned, replaced or deleted. An entry is dropped only when the object is declared again with <c>deletionPolicy:
/// Delete</c>. Only names and key fields are stored (no secret, no reference). Written after a successful apply.
/// </summary>
internal static class OrphanLedger
{
    private const string Directory = "orphans";

    /// <summary>The recorded objects of <paramref name="targetIdentity"/> that <paramref name="desired"/> no longer
    /// declares, as removed manifests with <c>deletionPolicy: Orphan</c>. Empty when nothing is recorded.</summary>
    public static IReadOnlyList<ManifestObject> Removed(CliConsole console, string targetIdentity, IReadOnlyList<ManifestObject> desired)
    {
        var path = PathOf(console.WorkingDirectory, targetIdentity);
        var declared = desired.Select(Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Load(path, console.Catalog).Where(o => !declared.Contains(Id(o)))];
    }

    /// <summary>After a successful apply: records the declared Orphan objects, keeps earlier entries, and drops those
    /// declared again with <c>deletionPolicy: Delete</c>.</summary>
    public static void Record(CliConsole console, string targetIdentity, IReadOnlyList<ManifestObject> desired)
    {
        var path = PathOf(console.WorkingDirectory, targetIdentity);
        var deleting = desired.Where(o => o.Control.DeletionPolicy == DeletionPolicy.Delete).Select(Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = Load(path, console.Catalog).Where(o => !deleting.Contains(Id(o)));
        var entries = kept.Concat(desired.Where(o => o.Control.DeletionPolicy == DeletionPolicy.Orphan))
            .GroupBy(Id, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).OrderBy(Id, StringComparer.Ordinal).ToList();
        if (entries.Count == 0 && !File.Exists(path))
        {
            return;
        }

        var objects = new JsonArray([.. entries.Select(o => (JsonNode)new JsonObject
        {
            ["apiVersion"] = o.Kind.ApiVersion,
            ["kind"] = o.Kind.Kind,
            ["name"] = o.Name,
            ["externalName"] = o.ExternalName,
            ["key"] = new JsonObject([.. o.Kind.KeyFields.Select(f => KeyValuePair.Create(f, o.Spec[f]?.DeepClone()))]),
        })]);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, new JsonObject { ["formatVersion"] = 1, ["target"] = targetIdentity, ["objects"] = objects }.ToJsonString() + "\n");
    }

    private static IEnumerable<ManifestObject> Load(string path, KindCatalog catalog)
    {
        JsonNode? parsed;
        try
        {
            parsed = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // pamctl's own file, damaged: nothing is recorded (the next successful apply rewrites it).
            parsed = null;
        }

        if (parsed is not JsonObject { } root || root["objects"] is not JsonArray objects)
        {
            yield break;
        }

        foreach (var entry in objects.OfType<JsonObject>())
        {
            if (catalog.Find((string?)entry["apiVersion"] ?? "", (string?)entry["kind"] ?? "") is not { } kind || (string?)entry["name"] is not { } name)
            {
                continue;
            }

            var external = (string?)entry["externalName"] ?? name;
            yield return new ManifestObject
            {
                Kind = kind,
                Name = name,
                Spec = entry["key"]?.DeepClone() as JsonObject ?? [],
                Control = new ControlFields(null, DeletionPolicy.Orphan),
                Location = new SourceLocation(path, 1, 1),
                Annotations = external == name
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal) { [ManifestObject.ExternalNameAnnotation] = external },
            };
        }
    }

    private static string Id(ManifestObject o) => $"{o.Kind.Type}|{o.Key}";

    private static string PathOf(string workingDirectory, string targetIdentity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(targetIdentity)))[..16];
        return Path.Combine(workingDirectory, EmbeddedSimulator.StateDirectory, Directory, hash + ".json");
    }
}
