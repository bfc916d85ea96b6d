namespace PamOperator.Core.Diagnostics;

/// <summary>PAM3xx: references, the dependency graph and planning (docs/planning.md explains each).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A reference names an object that is neither declared nor live.</summary>
    public const string UnresolvedReference = "PAM301";

    /// <summary>Declared objects reference each other in a cycle; no order can satisfy them.</summary>
    public const string DependencyCycle = "PAM302";

    /// <summary>Two manifests declare the same PAM object (same kind and natural key, or same address).</summary>
    public const string DuplicateDeclaration = "PAM303";

    /// <summary>A manifest declares an object that the PAM ships (builtin) or hides; such objects are never changed.</summary>
    public const string BuiltinObjectDeclared = "PAM304";

    /// <summary>A change needs a replacement (delete then create) that managementPolicies forbid.</summary>
    public const string ReplaceNotAllowed = "PAM305";

    /// <summary>The plan deletes more objects than the mass-delete guard allows.</summary>
    public const string MaxDeletesExceeded = "PAM306";

    /// <summary>A prune-scope selector is invalid (bad regular expression, or neither prefix nor regex).</summary>
    public const string InvalidPruneScope = "PAM307";

    /// <summary>Prune is enabled but the ownership scope selects nothing, so nothing is pruned.</summary>
    public const string PruneScopeEmpty = "PAM308";

    /// <summary><c>rotateSecretAfter</c> is not an RFC 3339 date-time.</summary>
    public const string InvalidRotateSecretAfter = "PAM309";

    /// <summary>A declared object references an object that the same plan deletes.</summary>
    public const string ReferenceToDeletedObject = "PAM310";

    /// <summary>A live object must be recreated because its dependency is replaced, but it cannot be
    /// (builtin or hidden, or it holds a write-only secret the tool cannot read back).</summary>
    public const string DependentCannotBeRecreated = "PAM311";

    /// <summary>A saved plan file cannot be read (malformed JSON, unknown format version).</summary>
    public const string PlanFileInvalid = "PAM312";

    /// <summary>A secret reference in the manifests differs from the one the saved plan was made with.</summary>
    public const string PlanFileSecretMismatch = "PAM313";
}
