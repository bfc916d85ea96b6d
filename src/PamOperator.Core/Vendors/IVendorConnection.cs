using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;

namespace PamOperator.Core.Vendors;

/// <summary>
/// One connected PAM (after crossplane-runtime's ExternalClient): the observe half, the write half and what saved plans
/// record of the target. Long-lived: one per ProviderConfig, reused across runs by the operator. Dispose releases the
/// HTTP clients it owns.
/// </summary>
public interface IVendorConnection : IAsyncDisposable
{
    /// <summary>Observe: list calls only, never writes.</summary>
    ILiveStateReader Reader { get; }

    /// <summary>Writes, in sessions whose <see cref="IWriteSession.Guarantee"/> says how they group.</summary>
    IPamWriter Writer { get; }

    /// <summary>The guarantee the writer's sessions give by default (a session may say less, e.g. Fudo falls back
    /// from one atomic batch to journaled steps for a plan over the batch limit).</summary>
    TransactionGuarantee Guarantee { get; }

    /// <summary>Stable identity of the target recorded in saved plans, e.g. <c>fudo https://pam.example.com/</c>:
    /// a saved plan is applied only to the same target.</summary>
    string TargetIdentity { get; }
}
