namespace PamOperator.Core.Manifests;

/// <summary>What happens to the PAM object when its manifest (or custom resource) goes away. Default Delete.</summary>
public enum DeletionPolicy
{
    Delete,
    Orphan,
}
