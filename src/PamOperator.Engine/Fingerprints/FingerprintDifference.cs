using PamOperator.Core.Schema;

namespace PamOperator.Engine.Fingerprints;

/// <summary>One object whose live state changed since a plan was made (see <see cref="StateFingerprint.Compare"/>).</summary>
public sealed record FingerprintDifference(ObjectType Type, string Key, FingerprintChangeKind Change)
{
    public override string ToString() => $"{Type} {Key}: {Change.ToString().ToLowerInvariant()}";
}
