namespace PamOperator.Core.Providers.Writes;

/// <summary>The result of <see cref="IWriteSession.CommitAsync"/>. When <see cref="Succeeded"/> is false nothing of the
/// transaction took effect, unless <see cref="OutcomeUnknown"/>: the answer was lost (no answer, or a gateway's), so
/// the PAM may have applied all of it; it never applied part of it. <see cref="FailedOperationId"/> names the write
/// the PAM refused, when it says.</summary>
public sealed record CommitResult(
    bool Succeeded,
    IReadOnlyDictionary<string, string> CreatedIds,
    PamApiException? Error = null,
    string? FailedOperationId = null,
    bool OutcomeUnknown = false)
{
    public static CommitResult Empty { get; } = new(true, new Dictionary<string, string>());
}
