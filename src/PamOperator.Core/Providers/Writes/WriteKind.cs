namespace PamOperator.Core.Providers.Writes;

/// <summary>The three writes a provider performs.</summary>
public enum WriteKind
{
    Create,
    Update,
    Delete,
}
