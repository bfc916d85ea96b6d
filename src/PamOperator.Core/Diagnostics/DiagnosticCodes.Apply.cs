namespace PamOperator.Core.Diagnostics;

/// <summary>PAM4xx: apply.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A step needs a secret whose reference is not known (a saved plan applied without its manifests).</summary>
    public const string SecretNotBound = "PAM401";

    /// <summary>A saved plan was made from a live state that has changed since.</summary>
    public const string StalePlan = "PAM402";

    /// <summary>apply needs confirmation and there is no terminal to ask on.</summary>
    public const string ApprovalRequired = "PAM403";

    /// <summary>A saved plan was made for another PAM than the one this run would write to.</summary>
    public const string PlanTargetMismatch = "PAM404";

    /// <summary>An apply failed: what failed, and what was restored.</summary>
    public const string ApplyFailed = "PAM405";
}
