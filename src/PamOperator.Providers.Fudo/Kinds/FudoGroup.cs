namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Names shared by every Fudo kind.</summary>
public static class FudoGroup
{
    public const string Group = "fudo.pamoperator.io";

    public const string Vendor = "fudo";
}
