using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// Turns a custom resource into a <c>ManifestObject</c> (or <c>ProviderConfig</c>) with the CLI's reader, schemas and
/// rules: the CR is reduced to apiVersion, kind, metadata (name, namespace, labels, annotations) and spec, serialized as
/// JSON (which is YAML) and read. Cross-document ProviderConfig checks are left to the operator (the CR is read alone).
/// Results are cached by that document, so an unchanged spec is validated once. Thread-safe.
/// </summary>
internal sealed class ManifestConverter
{
    private const int MaxCached = 20_000;
    private readonly ConcurrentDictionary<ResourceKey, (string Document, Conversion Result)> _cache = new();

    public async Task<Conversion> ConvertAsync(CustomResource resource, CancellationToken cancellationToken)
    {
        var document = Document(resource).ToJsonString();
        if (_cache.TryGetValue(resource.Key, out var cached) && cached.Document == document)
        {
            return cached.Result;
        }

        var read = await ManifestReader.ReadTextAsync(document, OperatorCatalog.Kinds, cancellationToken);
        var errors = read.Diagnostics
            .Where(d => d.Severity == Severity.Error && d.Code is not DiagnosticCodes.UnknownProviderConfig and not DiagnosticCodes.AmbiguousProviderConfig)
            .ToList();
        var result = new Conversion(read.Objects.FirstOrDefault(), read.ProviderConfigs.FirstOrDefault(), errors);
        if (result.IsValid && result.Object is null && result.Config is null)
        {
            result = result with { Errors = [Diagnostic.Error(DiagnosticCodes.DocumentNotObject, "the resource could not be read", "Check apiVersion, kind and spec.")] };
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[resource.Key] = (document, result);
        return result;
    }

    public void Forget(ResourceKey key) => _cache.TryRemove(key, out _);

    private static JsonObject Document(CustomResource resource)
    {
        var source = resource.Object;
        var metadata = new JsonObject { ["name"] = resource.Key.Name };
        if (resource.Key.Namespace is { } ns)
        {
            metadata["namespace"] = ns;
        }

        foreach (var field in new[] { "labels", "annotations" })
        {
            if (source["metadata"]?[field] is JsonObject map)
            {
                metadata[field] = map.DeepClone();
            }
        }

        return new JsonObject
        {
            ["apiVersion"] = source["apiVersion"]?.DeepClone(),
            ["kind"] = source["kind"]?.DeepClone(),
            ["metadata"] = metadata,
            ["spec"] = resource.Spec.DeepClone(),
        };
    }
}
