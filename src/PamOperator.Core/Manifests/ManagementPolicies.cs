namespace PamOperator.Core.Manifests;

/// <summary>
/// What the tool may do to an object (after Crossplane). Default <see cref="All"/>;
/// <see cref="Observe"/> alone reports drift and changes nothing.
/// </summary>
[Flags]
public enum ManagementPolicies
{
    None = 0,
    Observe = 1,
    Create = 2,
    Update = 4,
    Delete = 8,
    All = Observe | Create | Update | Delete,
}
