using PamOperator.Core.Schema;

namespace PamOperator.Engine.Fingerprints;

/// <summary>The digest of one observed live object, so that a stale-plan check can name the object that changed.</summary>
public sealed record ObjectHash(ObjectType Type, string Key, string Hash);
