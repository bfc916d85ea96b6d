using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.Kinds;
using PamOperator.Manifests.Loading;
using PamOperator.Manifests.ProviderConfigs;
using PamOperator.Manifests.Validation;
using PamOperator.Manifests.Yaml;

namespace PamOperator.Manifests;

/// <summary>
/// The facade that <c>pamctl validate</c>, <c>plan</c> and <c>apply</c> call: reads manifests from files,
/// directories and standard input, validates each document and the set as a whole, and reports every problem at once.
/// </summary>
public static class ManifestReader
{
    /// <summary>
    /// Reads <paramref name="paths"/> (<c>-f</c> values: files, directories read recursively, <c>-</c> for
    /// <paramref name="stdin"/>). Never throws for bad input: every problem is a diagnostic. Reads only; idempotent.
    /// Throws only for I/O failures outside the user's control and for cancellation. Relative paths resolve against
    /// <paramref name="workingDirectory"/> (default: the process's current directory).
    /// </summary>
    public static async Task<ManifestReadResult> ReadAsync(
        IReadOnlyList<string> paths, TextReader stdin, KindCatalog catalog, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var diagnostics = new DiagnosticBag();
        var objects = new List<ManifestObject>();
        var configs = new List<ProviderConfig>();
        var documents = 0;
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in InputCollector.Collect(paths, diagnostics, workingDirectory))
        {
            roots[source.DisplayPath] = source.SecretsRoot;
            var text = await SourceTextReader.ReadAsync(source, stdin, diagnostics, cancellationToken);
            if (text is null)
            {
                continue;
            }

            var yaml = new DiagnosticBag();
            var parsed = YamlStreamReader.Read(source.DisplayPath, text, yaml);
            diagnostics.AddRange(yaml);
            foreach (var document in parsed.Where(d => d.Root is not null))
            {
                cancellationToken.ThrowIfCancellationRequested();
                documents++;
                var own = new DiagnosticBag();
                var result = await DocumentValidator.ValidateAsync(document, catalog, own);
                diagnostics.AddRange(own);
                if (!own.HasErrors && !yaml.HasErrors)
                {
                    AddIfPresent(objects, result.Object);
                    AddIfPresent(configs, result.ProviderConfig);
                }
            }
        }

        SemanticValidator.Validate(objects, configs, diagnostics);
        SecretSourceValidator.Validate(objects, configs, roots, diagnostics);
        return new ManifestReadResult(objects, configs, diagnostics.Sorted(), documents) { SecretRoots = roots };
    }

    /// <summary>Reads YAML text as if it came from standard input (tests, tools).</summary>
    public static Task<ManifestReadResult> ReadTextAsync(string yaml, KindCatalog catalog, CancellationToken cancellationToken) =>
        ReadAsync(["-"], new StringReader(yaml), catalog, cancellationToken);

    private static void AddIfPresent<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
