namespace PamOperator.Core.Providers.Writes;

/// <summary>
/// What became of one <see cref="WriteOperation"/>. <see cref="Staged"/>: accepted into a transaction that has not
/// been committed yet (the PAM has not changed). <see cref="ExternalId"/>: the object's id after a create (null while
/// staged, or when the PAM does not return one).
/// </summary>
public sealed record WriteOutcome(bool Succeeded, bool Staged = false, string? ExternalId = null, PamApiException? Error = null)
{
    public static WriteOutcome Applied(string? externalId = null) => new(true, ExternalId: externalId);

    public static WriteOutcome StagedInTransaction() => new(true, Staged: true);

    public static WriteOutcome Failed(PamApiException error) => new(false, Error: error);
}
