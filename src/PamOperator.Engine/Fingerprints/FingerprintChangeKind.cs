namespace PamOperator.Engine.Fingerprints;

/// <summary>How one live object differs between the state a plan was made from and the state now.</summary>
public enum FingerprintChangeKind
{
    /// <summary>The object exists now but did not when the plan was made.</summary>
    Added,

    /// <summary>The object existed when the plan was made and is gone now.</summary>
    Removed,

    /// <summary>The object exists in both, with different content.</summary>
    Changed,
}
