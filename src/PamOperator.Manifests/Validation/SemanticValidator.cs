using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;
using PamOperator.Manifests.ProviderConfigs;

namespace PamOperator.Manifests.Validation;

/// <summary>
/// Rules across documents: duplicate objects (same kind and natural key, PAM names compared case-insensitively) and
/// duplicate names, provider-config selection, and references that name a declared object in a different case.
/// References to objects that are not declared are not checked here: they may exist live (the planner checks).
/// </summary>
internal static class SemanticValidator
{
    public static void Validate(IReadOnlyList<ManifestObject> objects, IReadOnlyList<ProviderConfig> configs, DiagnosticBag diagnostics)
    {
        Duplicates(objects, configs, diagnostics);
        DuplicateConfigs(configs, diagnostics);
        ProviderConfigRefs(objects, configs, diagnostics);
        ReferenceCase(objects, diagnostics);
    }

    /// <summary>Per PAM: the same name may well exist in prod and in staging.</summary>
    private static void Duplicates(IReadOnlyList<ManifestObject> objects, IReadOnlyList<ProviderConfig> configs, DiagnosticBag diagnostics)
    {
        var byKey = new Dictionary<(string, string), ManifestObject>();
        var byName = new Dictionary<(string, string), ManifestObject>();
        foreach (var o in objects)
        {
            var kindId = (ProviderConfigChoice.For(o, configs)?.Name ?? "") + "|" + o.Kind.ApiVersion + "/" + o.Kind.Kind;
            if (byKey.TryGetValue((kindId, o.Key.ToUpperInvariant()), out var first))
            {
                var what = o.Kind.IsNamed ? $"named '{o.ExternalName}' in the PAM" : $"for {o.Key}";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateObject, $"{o.Kind.Kind} {what} is declared twice",
                    $"It is also declared at {first.Location} ({first.Address}). PAM names are unique case-insensitively; "
                    + "keep one declaration.", o.Location, o.Address.ToString()));
            }
            else if (byName.TryGetValue((kindId, o.Name), out var sameName))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateName, $"{o.Kind.Kind} metadata.name '{o.Name}' is used twice",
                    $"It is also used at {sameName.Location}. Each object of a kind needs its own metadata.name (its address).",
                    o.LocationOf("metadata.name"), o.Address.ToString()));
            }

            byKey.TryAdd((kindId, o.Key.ToUpperInvariant()), o);
            byName.TryAdd((kindId, o.Name), o);
        }
    }

    private static void DuplicateConfigs(IReadOnlyList<ProviderConfig> configs, DiagnosticBag diagnostics)
    {
        foreach (var group in configs.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateName, $"ProviderConfig '{duplicate.Name}' is declared twice",
                    $"It is also declared at {group.First().Location}; give each ProviderConfig its own metadata.name.", duplicate.Location));
            }
        }
    }

    private static void ProviderConfigRefs(IReadOnlyList<ManifestObject> objects, IReadOnlyList<ProviderConfig> configs, DiagnosticBag diagnostics)
    {
        var names = configs.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            var reference = o.Control.ProviderConfigRef;
            if (reference is not null && !names.Contains(reference))
            {
                var known = names.Count == 0 ? "none is declared" : "declared: " + string.Join(", ", names.Order(StringComparer.Ordinal));
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownProviderConfig, $"providerConfigRef names unknown ProviderConfig '{reference}'",
                    $"Declare a ProviderConfig with that metadata.name and pass its file with -f ({known}), or fix the name.",
                    o.LocationOf("spec.providerConfigRef.name"), o.Address.ToString()));
            }
            else if (reference is null && configs.Count > 1 && !names.Contains(ProviderConfigChoice.DefaultName))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.AmbiguousProviderConfig, "several ProviderConfigs exist and this object names none",
                    $"Add spec.providerConfigRef: {{name: ...}} with one of: {string.Join(", ", names.Order(StringComparer.Ordinal))}; "
                    + $"or name one ProviderConfig '{ProviderConfigChoice.DefaultName}' to manage every object that names none.",
                    o.Location, o.Address.ToString()));
            }
            else if (ProviderConfigChoice.For(o, configs) is { } chosen && chosen.Vendor != o.Kind.Vendor)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ProviderConfigVendorMismatch,
                    $"{o.Kind.ApiVersion} {o.Kind.Kind} cannot be managed by ProviderConfig '{chosen.Name}' (vendor {chosen.Vendor})",
                    $"Point spec.providerConfigRef at a ProviderConfig with vendor: {o.Kind.Vendor}.",
                    reference is null ? o.Location : o.LocationOf("spec.providerConfigRef.name"), o.Address.ToString()));
            }
        }
    }

    private static void ReferenceCase(IReadOnlyList<ManifestObject> objects, DiagnosticBag diagnostics)
    {
        var declared = objects.Where(o => o.Kind.IsNamed)
            .GroupBy(o => (o.Kind.Vendor, o.Kind.WireType))
            .ToDictionary(g => g.Key, g => g.Select(o => o.ExternalName).ToList());
        foreach (var o in objects)
        {
            foreach (var field in o.Kind.Fields.Where(f => f.Type == FieldType.Reference && f.References is not null))
            {
                if (Text(o.Spec[field.Name]) is not { } value || !declared.TryGetValue((o.Kind.Vendor, field.References!), out var names)
                    || names.Contains(value, StringComparer.Ordinal)
                    || names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is not { } match)
                {
                    continue;
                }

                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReferenceCaseMismatch,
                    $"spec.{field.Name} '{value}' differs in case from the declared {field.References} '{match}'",
                    $"PAM names are case-insensitive, so this works, but diffs and reviews read better with one spelling: write '{match}'.",
                    o.LocationOf($"spec.{field.Name}"), o.Address.ToString()));
            }
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
