using PamOperator.Core.Manifests;
using PamOperator.Operator.Resources;

namespace PamOperator.Operator.Reconciling;

/// <summary>One custom resource of a batch with its validated manifest (secret rotation already applied to the spec).</summary>
internal sealed record BatchMember(CustomResource Resource, ManifestObject Manifest)
{
    public string Address => Manifest.Address.ToString();
}
