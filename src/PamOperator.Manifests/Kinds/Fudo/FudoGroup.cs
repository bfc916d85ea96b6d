namespace PamOperator.Manifests.Kinds.Fudo;

/// <summary>Names shared by every Fudo kind.</summary>
internal static class FudoGroup
{
    public const string Group = "fudo.pamoperator.io";

    public const string Vendor = "fudo";
}
