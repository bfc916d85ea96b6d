namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>
/// What a deserialized plan file must hold before anything uses it: a fingerprint with a SHA-256 value, its observed
/// types and its object digests, and changes without holes. JSON <c>null</c> passes the serializer's <c>required</c>
/// check, so an edited file could otherwise skip the stale check (an empty fingerprint) or crash the reader.
/// </summary>
internal static class PlanFileCompleteness
{
    /// <summary>Why the document is incomplete, or null when it is complete.</summary>
    public static string? Problem(PlanFileDocument document)
    {
        var f = document.Fingerprint;
        if (f is null || !IsDigest(f.Value) || f.ObservedTypes is null || f.Objects is null
            || f.ObservedTypes.Any(string.IsNullOrEmpty) || f.Objects.Any(o => o is null || string.IsNullOrEmpty(o.WireType) || o.Key is null || !IsDigest(o.Hash)))
        {
            return "its fingerprint is missing or incomplete (a plan without a complete fingerprint cannot be checked against the PAM)";
        }

        if (document.Changes is null || document.Changes.Any(c => c is null || c.Address is null || c.WireType is null || c.Key is null
            || c.SensitivePaths is null || c.FieldChanges is null || c.FieldChanges.Any(x => x is null) || c.ReplacePaths is null
            || c.Secrets is null || c.Secrets.Any(s => s is null) || c.Dependencies is null))
        {
            return "its list of changes is missing or has empty entries";
        }

        return document.Diagnostics is null || document.Diagnostics.Any(d => d is null) ? "its diagnostics have empty entries" : null;
    }

    private static bool IsDigest(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
