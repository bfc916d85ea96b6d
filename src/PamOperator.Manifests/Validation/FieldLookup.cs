using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Validation;

/// <summary>Finds the descriptor of a spec path (<c>ssh.x11</c>, <c>timePolicy[0].validFrom</c>).</summary>
internal static class FieldLookup
{
    /// <summary>The field at <paramref name="specPath"/>, or null when the path leaves the declared fields.</summary>
    public static FieldDescriptor? Find(IReadOnlyList<FieldDescriptor> fields, string specPath)
    {
        FieldDescriptor? current = null;
        var level = fields;
        foreach (var name in JsonPaths.Names(specPath))
        {
            current = level.FirstOrDefault(f => f.Name == name);
            if (current is null)
            {
                return null;
            }

            level = current.Fields;
        }

        return current;
    }

    /// <summary>The fields allowed directly under <paramref name="specPath"/> (the spec itself when empty).</summary>
    public static IReadOnlyList<FieldDescriptor> ChildrenOf(IReadOnlyList<FieldDescriptor> fields, string specPath) =>
        specPath.Length == 0 ? fields : Find(fields, specPath)?.Fields ?? [];

    /// <summary>True when <paramref name="specPath"/> is a secret field or lies inside one.</summary>
    public static bool IsInSecret(IReadOnlyList<FieldDescriptor> fields, string specPath)
    {
        var level = fields;
        foreach (var name in JsonPaths.Names(specPath))
        {
            var field = level.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                return false;
            }

            if (field.Type == FieldType.Secret)
            {
                return true;
            }

            level = field.Fields;
        }

        return false;
    }
}
