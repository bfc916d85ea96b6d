namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>
/// What a deserialized plan file must hold before anything uses it: for each PAM's section, a name, a fingerprint with a
/// SHA-256 value, its observed types and its object digests, and changes without holes. JSON <c>null</c> passes the
/// serializer's <c>required</c> check, so an edited file could otherwise skip the stale check (an empty fingerprint) or
/// crash the reader.
/// </summary>
internal static class PlanFileCompleteness
{
    /// <summary>Why the document is incomplete, or null when it is complete.</summary>
    public static string? Problem(PlanFileDocument document)
    {
        if (document.Pams.Any(p => p is null || string.IsNullOrEmpty(p.Name)))
        {
            return "a PAM's section is empty or has no name";
        }

        if (document.Pams.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != document.Pams.Count)
        {
            return "two sections name the same PAM";
        }

        return document.Pams.Select(Problem).FirstOrDefault(p => p is not null);
    }

    private static string? Problem(PlanFileSection section)
    {
        var f = section.Fingerprint;
        if (f is null || !IsDigest(f.Value) || f.ObservedTypes is null || f.Objects is null
            || f.ObservedTypes.Any(t => string.IsNullOrEmpty(t.Group) || string.IsNullOrEmpty(t.WireType))
            || f.Objects.Any(o => o is null || string.IsNullOrEmpty(o.Type.Group) || string.IsNullOrEmpty(o.Type.WireType) || o.Key is null || !IsDigest(o.Hash)))
        {
            return $"the fingerprint of PAM {section.Name} is missing or incomplete (a plan without a complete fingerprint cannot be checked against the PAM)";
        }

        if (section.Changes is null || section.Changes.Any(c => c is null || c.Address is null || string.IsNullOrEmpty(c.Type.WireType) || c.Key is null
            || c.SensitivePaths is null || c.FieldChanges is null || c.FieldChanges.Any(x => x is null) || c.ReplacePaths is null
            || c.Secrets is null || c.Secrets.Any(s => s is null) || c.Dependencies is null))
        {
            return $"the list of changes of PAM {section.Name} is missing or has empty entries";
        }

        return section.Diagnostics is null || section.Diagnostics.Any(d => d is null) ? $"the diagnostics of PAM {section.Name} have empty entries" : null;
    }

    private static bool IsDigest(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
