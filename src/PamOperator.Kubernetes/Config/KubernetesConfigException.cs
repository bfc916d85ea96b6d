namespace PamOperator.Kubernetes.Config;

/// <summary>A kubeconfig or in-cluster configuration cannot be used. The message names the problem, never a secret.</summary>
public sealed class KubernetesConfigException : Exception
{
    public KubernetesConfigException()
    {
    }

    public KubernetesConfigException(string message)
        : base(message)
    {
    }

    public KubernetesConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
