using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>A compiled <see cref="PruneScope"/>: decides whether an undeclared live object is owned (prunable).</summary>
internal sealed class ScopeMatcher
{
    private readonly List<(HashSet<string> Kinds, Func<string, bool> Name)> _rules = [];

    private ScopeMatcher()
    {
    }

    public bool IsEmpty => _rules.Count == 0;

    /// <summary>Compiles the selectors; an invalid one is a diagnostic and is dropped (owning less is safe).</summary>
    public static ScopeMatcher Compile(PruneScope scope, DiagnosticBag diagnostics)
    {
        var matcher = new ScopeMatcher();
        foreach (var (selector, index) in scope.Selectors.Select((s, i) => (s, i)))
        {
            var kinds = new HashSet<string>(selector.Kinds, StringComparer.OrdinalIgnoreCase);
            if (selector.NamePrefix is { Length: > 0 } prefix && selector.NameRegex is null)
            {
                matcher._rules.Add((kinds, name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
            }
            else if (selector.NameRegex is { Length: > 0 } pattern && selector.NamePrefix is null && TryCompile(pattern, out var regex))
            {
                matcher._rules.Add((kinds, name => IsMatch(regex, name)));
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.InvalidPruneScope,
                    $"prune scope selector {index + 1} is invalid",
                    "Each selector needs exactly one of namePrefix (non-empty) or nameRegex (a valid .NET regular "
                    + "expression; it must match the whole name). The selector is ignored: nothing it names is pruned."));
            }
        }

        return matcher;
    }

    public bool Matches(KindDescriptor kind, LiveObject live)
    {
        var name = ScopeName(kind, live);
        return name is not null && _rules.Exists(r => (r.Kinds.Count == 0 || r.Kinds.Contains(kind.Kind)) && r.Name(name));
    }

    /// <summary>Whether an object of <paramref name="kind"/> named <paramref name="name"/> is owned (selector manifests
    /// that no longer exist, known only by name).</summary>
    public bool MatchesName(KindDescriptor kind, string name) =>
        _rules.Exists(r => (r.Kinds.Count == 0 || r.Kinds.Contains(kind.Kind)) && r.Name(name));

    /// <summary>PAM name of a named kind; for an unnamed kind the value of its <c>safe</c>, else <c>account</c>, key field.</summary>
    internal static string? ScopeName(KindDescriptor kind, LiveObject live)
    {
        if (kind.IsNamed)
        {
            return live.Key;
        }

        var field = kind.KeyFields.Contains("safe") ? "safe" : kind.KeyFields.Contains("account") ? "account" : null;
        return field is not null && live.Spec.TryGetPropertyValue(field, out var node)
            && node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }

    /// <summary>A pathological pattern that times out owns nothing: failing towards not deleting is the safe side.</summary>
    private static bool IsMatch(Regex regex, string name)
    {
        try
        {
            return regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryCompile(string pattern, out Regex regex)
    {
        try
        {
            regex = new Regex($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            regex = null!;
            return false;
        }
    }
}
