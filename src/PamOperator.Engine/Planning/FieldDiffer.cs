using System.Text.Json.Nodes;
using PamOperator.Core.Schema;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Field-by-field diff of two normalized specs over the kind's schema: nested objects member by member, object lists
/// as sets, scalars by <see cref="ValueKeys"/>. Secrets are never compared. A difference in an immutable field (or
/// inside an immutable object) is flagged <see cref="FieldChange.ForcesReplacement"/>.
/// </summary>
internal static class FieldDiffer
{
    public static List<FieldChange> Diff(IReadOnlyList<FieldDescriptor> fields, JsonObject before, JsonObject after)
    {
        var changes = new List<FieldChange>();
        Diff(fields, before, after, "", inheritedImmutable: false, changes);
        return changes;
    }

    private static void Diff(
        IReadOnlyList<FieldDescriptor> fields, JsonObject? before, JsonObject? after, string prefix, bool inheritedImmutable, List<FieldChange> changes)
    {
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Secret || field.Name == SpecNormalizer.RotateSecretAfter)
            {
                continue;
            }

            var path = prefix + field.Name;
            var immutable = inheritedImmutable || field.Immutable;
            JsonNode? old = null, @new = null;
            before?.TryGetPropertyValue(field.Name, out old);
            after?.TryGetPropertyValue(field.Name, out @new);
            if (field.Type == FieldType.Object)
            {
                Diff(field.Fields, old as JsonObject, @new as JsonObject, path + ".", immutable, changes);
            }
            else if (!ValueKeys.Equal(field, old, @new))
            {
                changes.Add(new FieldChange(path, old?.DeepClone(), @new?.DeepClone(), ForcesReplacement: immutable));
            }
        }
    }
}
