using PamOperator.Core.Schema;
using PamOperator.Engine.Fingerprints;

namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>The fingerprint as saved: the overall digest, the observed types and every object's digest.</summary>
internal sealed record PlanFileFingerprint(string Value, IReadOnlyList<ObjectType> ObservedTypes, IReadOnlyList<ObjectHash> Objects);
