namespace PamOperator.Core;

/// <summary>
/// Process exit codes of <c>pamctl</c>. CI scripts depend on these numbers (after Terraform): never renumber.
/// </summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>plan --detailed-exitcode</c>, success with no changes.</summary>
    public const int Success = 0;

    /// <summary>Any error: invalid input (diagnostics printed), PAM API failure, refused or failed apply.</summary>
    public const int Error = 1;

    /// <summary><c>plan --detailed-exitcode</c> only: the plan succeeded and contains changes.</summary>
    public const int ChangesPresent = 2;
}
