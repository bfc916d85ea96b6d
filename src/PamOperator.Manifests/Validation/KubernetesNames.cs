using System.Text.RegularExpressions;

namespace PamOperator.Manifests.Validation;

/// <summary>Kubernetes object name rules (RFC 1123), as the API server applies them to custom resources.</summary>
internal static partial class KubernetesNames
{
    /// <summary>DNS subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', alphanumeric at both ends.</summary>
    public static bool IsDnsSubdomain(string name) =>
        name.Length <= 253 && DnsSubdomain().IsMatch(name);

    /// <summary>DNS label: at most 63 characters of lowercase letters, digits and '-', alphanumeric at both ends.</summary>
    public static bool IsDnsLabel(string name) => name.Length <= 63 && DnsLabel().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
