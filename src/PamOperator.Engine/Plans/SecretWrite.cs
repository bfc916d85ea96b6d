using System.Text.Json.Nodes;

namespace PamOperator.Engine.Plans;

/// <summary>
/// A secret the applier must resolve and send with this change (on create, replace, or rotation).
/// </summary>
/// <param name="Path">Dotted path of the secret field inside <c>spec</c>, e.g. <c>secret</c>.</param>
/// <param name="Reference">The manifest's reference object (<c>{"valueFrom":{"env":"X"}}</c>), never a value.
/// Null in a plan read back from a plan file: references are not saved there (see <see cref="Views.PlanFile"/>);
/// the applier rebinds them from the manifests with <see cref="Views.PlanFile.BindSecrets"/>.</param>
/// <param name="ReferenceDigest">SHA-256 of the reference's canonical JSON: lets a saved plan check that the
/// manifests still name the same secret source without storing where that source is.</param>
public sealed record SecretWrite(string Path, JsonObject? Reference, string ReferenceDigest);
