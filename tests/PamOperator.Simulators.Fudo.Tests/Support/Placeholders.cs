using System.Text.RegularExpressions;

namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>Replaces <c>{type:name}</c> in test case paths and bodies with the id of that named object, and
/// <c>{key}</c> with values registered by the test class.</summary>
public static partial class Placeholders
{
    public static async Task<string> ResolveAsync(FudoApi api, string text, IReadOnlyDictionary<string, string> known)
    {
        foreach (Match match in Named().Matches(text))
        {
            text = text.Replace(match.Value, await api.IdOf(match.Groups[1].Value, match.Groups[2].Value), StringComparison.Ordinal);
        }

        foreach (var (key, value) in known)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    [GeneratedRegex(@"\{([a-z_]+):([A-Za-z0-9_.-]+)\}")]
    private static partial Regex Named();
}
