using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Secrets;

/// <summary>The secret references of a declared object, by field name.</summary>
public static class SecretReferences
{
    /// <summary>Every secret field of <paramref name="obj"/> that is present, parsed, keyed by its spec path
    /// (<c>secret</c>, <c>privateKeyPassphrase</c>). Relative file paths resolve against the manifest's directory
    /// (the current directory for standard input).</summary>
    public static IReadOnlyDictionary<string, SecretReference> Of(ManifestObject obj)
    {
        var baseDirectory = BaseDirectoryOf(obj.Location.File);
        var result = new Dictionary<string, SecretReference>(StringComparer.Ordinal);
        foreach (var field in obj.Kind.Fields.Where(f => f.Type == FieldType.Secret))
        {
            if (SecretReference.Parse(obj.Spec[field.Name], baseDirectory) is { } reference)
            {
                result[field.Name] = reference;
            }
        }

        return result;
    }

    /// <summary>The directory of a manifest file as diagnostics name it; the current directory for stdin.</summary>
    public static string BaseDirectoryOf(string file) =>
        file == Loading.InputSource.StdinName
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
}
