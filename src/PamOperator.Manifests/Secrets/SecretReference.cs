using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Manifests.Secrets;

/// <summary>
/// Where to find a secret, never the secret itself: parsed from <c>{valueFrom: {env | file | secretKeyRef}}</c>.
/// Safe to print (<see cref="ToString"/>). Resolving it is the caller's job, at the last moment.
/// </summary>
/// <param name="Source">Which kind of source.</param>
/// <param name="Name">Environment variable name, absolute file path (already resolved against the manifest's
/// directory), or Kubernetes Secret name.</param>
/// <param name="Key">Key within the Kubernetes Secret; null otherwise.</param>
/// <param name="Namespace">Namespace of the Kubernetes Secret when given (cluster-scoped objects); null otherwise.</param>
public sealed record SecretReference(SecretSource Source, string Name, string? Key = null, string? Namespace = null)
{
    /// <summary>Parses a secret node; null when it is not one of the three shapes (validation reports why).
    /// <paramref name="baseDirectory"/> resolves a relative file path.</summary>
    public static SecretReference? Parse(JsonNode? node, string baseDirectory)
    {
        if (node is not JsonObject secret || secret["valueFrom"] is not JsonObject from || from.Count != 1)
        {
            return null;
        }

        if (Text(from["env"]) is { Length: > 0 } env)
        {
            return new SecretReference(SecretSource.Environment, env);
        }

        if (Text(from["file"]) is { Length: > 0 } file)
        {
            return new SecretReference(SecretSource.File, Path.GetFullPath(file, baseDirectory));
        }

        return from["secretKeyRef"] is JsonObject keyRef && Text(keyRef["name"]) is { Length: > 0 } name && Text(keyRef["key"]) is { Length: > 0 } key
            ? new SecretReference(SecretSource.KubernetesSecret, name, key, Text(keyRef["namespace"]))
            : null;
    }

    /// <summary>A description that names the source, never the value: <c>env:DB_PASSWORD</c>, <c>file:/x/pw.txt</c>,
    /// <c>secretKeyRef:ns/name#key</c>.</summary>
    public override string ToString() => Source switch
    {
        SecretSource.Environment => $"env:{Name}",
        SecretSource.File => $"file:{Name}",
        _ => $"secretKeyRef:{(Namespace is null ? "" : Namespace + "/")}{Name}#{Key}",
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
