using Xunit;

namespace PamOperator.TestSupport;

/// <summary>A fact that is skipped, visibly, when /usr/bin/kubectl is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (!File.Exists(Kubectl.Path))
        {
            Skip = $"{Kubectl.Path} is not installed";
        }
    }
}
