namespace PamOperator.Simulators.Fudo;

/// <summary>What the batch endpoint does with <c>atomic</c>.</summary>
public enum BatchAtomicSupport
{
    /// <summary>Fudo 5.4+: an atomic batch is all or nothing (default).</summary>
    Supported,

    /// <summary>Fudo 5.3 strict reading: a batch that sets <c>atomic</c> anywhere gets 400.</summary>
    Rejected,

    /// <summary>Fudo 5.3 lenient reading: <c>atomic</c> is ignored and every batch runs request by request.</summary>
    Ignored,
}
