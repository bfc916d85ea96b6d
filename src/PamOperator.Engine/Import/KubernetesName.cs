using System.Text;

namespace PamOperator.Engine.Import;

/// <summary>Turns an arbitrary PAM name into a valid Kubernetes object name (RFC 1123 subdomain).</summary>
internal static class KubernetesName
{
    private const int MaxLength = 253;

    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.';
            var next = ok ? c : '-';
            if ((next is '-' or '.') && (sb.Length == 0 || sb[^1] is '-' or '.'))
            {
                continue;
            }

            sb.Append(next);
        }

        var name = sb.ToString().Trim('-', '.');
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength].TrimEnd('-', '.');
        }

        return name.Length == 0 ? "object" : name;
    }
}
