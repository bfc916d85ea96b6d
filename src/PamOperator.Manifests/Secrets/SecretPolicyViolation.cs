namespace PamOperator.Manifests.Secrets;

/// <summary>Why a secret reference is refused: a diagnostic code and texts that name the source, never a value.</summary>
public sealed record SecretPolicyViolation(string Code, string Summary, string Detail);
