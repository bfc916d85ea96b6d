namespace PamOperator.Providers.PrivX;

/// <summary>
/// Where pamctl records which manifest added which grant or tag: in the PAM itself, as tags of the connection
/// (PrivX has no other writable place on a connection), so that the CLI on any machine and the operator read the same
/// record. A record is <c>~pamctl/grant/MANIFEST/ROLE_ID</c> or <c>~pamctl/tag/MANIFEST/TAG</c>; manifest names are
/// DNS names (no <c>/</c>), so the value after the third <c>/</c> is taken whole. Declared tags may not start with
/// <c>~</c> (the ConnectionTags schema refuses them), so a record is never mistaken for a tag. The reader hides
/// records from <c>tags</c>. Failure modes (docs/vendors.md): anyone who may edit a connection's tags can delete a
/// record (pamctl then treats that value as made by hand and never removes it) or forge one (pamctl may then remove a
/// value it did not add).
/// </summary>
internal static class OwnershipTags
{
    public const string Prefix = "~pamctl/";
    public const string Grant = "grant";
    public const string Tag = "tag";

    public static string Of(string what, string manifest, string value) => $"{Prefix}{what}/{manifest}/{value}";

    /// <summary>Splits a record; false for an ordinary tag (or a malformed record, which is then left alone as a tag).</summary>
    public static bool TryParse(string tag, out string what, out string manifest, out string value)
    {
        what = manifest = value = "";
        if (!tag.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = tag[Prefix.Length..].Split('/', 3);
        if (parts.Length != 3 || parts[0] is not (Grant or Tag) || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        (what, manifest, value) = (parts[0], parts[1], parts[2]);
        return true;
    }
}
