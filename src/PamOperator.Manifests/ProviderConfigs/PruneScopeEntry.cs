using System.Text.RegularExpressions;

namespace PamOperator.Manifests.ProviderConfigs;

/// <summary>One entry of a prune scope: the kinds it covers (empty = all) and exactly one name selector.</summary>
/// <param name="Kinds">Kind names (<c>Safe</c>, <c>Account</c>, ...); empty selects every kind.</param>
/// <param name="NamePrefix">PAM names starting with this, compared case-insensitively (PAM names are).</param>
/// <param name="NameRegex">A .NET regular expression the whole PAM name must match, case-insensitively (validated at
/// load).</param>
public sealed record PruneScopeEntry(IReadOnlyList<string> Kinds, string? NamePrefix, string? NameRegex)
{
    /// <summary>True when this entry selects an object of <paramref name="kind"/> whose scope name is
    /// <paramref name="pamName"/> (the engine's rule: the PAM name of a named kind; for an assignment or grant the value
    /// of its <c>safe</c>, else <c>account</c>, key field).</summary>
    public bool Selects(string kind, string pamName)
    {
        if (Kinds.Count > 0 && !Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return false;
        }

        if (NamePrefix is not null)
        {
            return pamName.StartsWith(NamePrefix, StringComparison.OrdinalIgnoreCase);
        }

        return NameRegex is not null
            && Regex.IsMatch(pamName, $"^(?:{NameRegex})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }
}
