namespace PamOperator.Manifests.Secrets;

/// <summary>Where a secret value comes from.</summary>
public enum SecretSource
{
    /// <summary><c>valueFrom.env</c>: an environment variable of the pamctl process.</summary>
    Environment,

    /// <summary><c>valueFrom.file</c>: a file, relative to the manifest's directory.</summary>
    File,

    /// <summary><c>valueFrom.secretKeyRef</c>: a key of a Kubernetes Secret (operator only).</summary>
    KubernetesSecret,
}
