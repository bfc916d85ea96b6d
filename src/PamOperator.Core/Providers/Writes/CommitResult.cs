namespace PamOperator.Core.Providers.Writes;

/// <summary>The result of <see cref="IWriteSession.CommitAsync"/>. When <see cref="Succeeded"/> is false nothing of the
/// transaction took effect; <see cref="FailedOperationId"/> names the write the PAM refused, when it says.</summary>
public sealed record CommitResult(
    bool Succeeded,
    IReadOnlyDictionary<string, string> CreatedIds,
    PamApiException? Error = null,
    string? FailedOperationId = null)
{
    public static CommitResult Empty { get; } = new(true, new Dictionary<string, string>());
}
