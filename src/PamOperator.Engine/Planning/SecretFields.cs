using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Finds the secret fields a desired spec sets (top level and inside nested objects) and turns them into
/// <see cref="SecretWrite"/>s: the reference object is carried, never a value (manifests hold no values).
/// </summary>
internal static class SecretFields
{
    public static IReadOnlyList<SecretWrite> Of(IReadOnlyList<FieldDescriptor> fields, JsonObject spec)
    {
        var writes = new List<SecretWrite>();
        Collect(fields, spec, "", writes);
        return writes;
    }

    /// <summary>True when the kind declares a secret field anywhere.</summary>
    public static bool KindHasSecrets(IReadOnlyList<FieldDescriptor> fields) =>
        fields.Any(f => f.Type == FieldType.Secret || (f.Type == FieldType.Object && KindHasSecrets(f.Fields)));

    private static void Collect(IReadOnlyList<FieldDescriptor> fields, JsonObject? spec, string prefix, List<SecretWrite> writes)
    {
        if (spec is null)
        {
            return;
        }

        foreach (var field in fields)
        {
            if (!spec.TryGetPropertyValue(field.Name, out var node) || node is null)
            {
                continue;
            }

            if (field.Type == FieldType.Secret)
            {
                // A secret is always a reference object after validation; anything else is kept as an empty
                // reference so that no literal can ever travel further than this line.
                var reference = node as JsonObject ?? [];
                var copy = (JsonObject)reference.DeepClone();
                writes.Add(new SecretWrite(prefix + field.Name, copy, CanonicalJson.Digest(copy)));
            }
            else if (field.Type == FieldType.Object)
            {
                Collect(field.Fields, node as JsonObject, prefix + field.Name + ".", writes);
            }
        }
    }
}
