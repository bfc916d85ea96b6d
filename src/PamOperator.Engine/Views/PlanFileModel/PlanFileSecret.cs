namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>A secret to write, as saved: its path and the digest of its reference; never the reference, never a value.</summary>
internal sealed record PlanFileSecret(string Path, string ReferenceDigest);
