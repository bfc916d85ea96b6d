namespace PamOperator.Manifests.ProviderConfigs;

/// <summary>How a plan's writes are grouped.</summary>
public enum TransactionMode
{
    /// <summary>All-or-nothing batches where the PAM offers them (Fudo <c>atomic: true</c>); the default.</summary>
    Atomic,

    /// <summary>One call at a time with a journal and compensation on failure.</summary>
    Journal,
}
