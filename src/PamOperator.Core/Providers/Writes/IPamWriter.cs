namespace PamOperator.Core.Providers.Writes;

/// <summary>Opens write sessions against one PAM.</summary>
public interface IPamWriter
{
    /// <summary>
    /// Opens a session for <paramref name="planned"/> (all the writes the applier intends, in order, so the provider can
    /// size its transaction: e.g. Fudo falls back from one atomic batch to step-by-step writes when the plan exceeds
    /// the batch limit). <paramref name="live"/> is the state the plan was made from (ids of referenced objects).
    /// Sends nothing by itself.
    /// </summary>
    Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken);
}
