using Xunit;

namespace PamOperator.Delivery.Tests.Support;

/// <summary>A fact that needs the real kubectl; skipped (visibly, with the reason) when the binary is absent.
/// xunit 2 has no dynamic skip, so the decision is made when the attribute is constructed.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public const string Kubectl = "/usr/bin/kubectl";

    public KubectlFactAttribute()
    {
        if (!File.Exists(Kubectl))
        {
            Skip = $"{Kubectl} is not installed";
        }
    }
}
