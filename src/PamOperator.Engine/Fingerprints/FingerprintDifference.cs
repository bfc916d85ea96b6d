namespace PamOperator.Engine.Fingerprints;

/// <summary>One object whose live state changed since a plan was made (see <see cref="StateFingerprint.Compare"/>).</summary>
public sealed record FingerprintDifference(string WireType, string Key, FingerprintChangeKind Change)
{
    public override string ToString() => $"{WireType} {Key}: {Change.ToString().ToLowerInvariant()}";
}
