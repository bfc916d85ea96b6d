using System.Text.RegularExpressions;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Targeting;

/// <summary>
/// A Kubernetes equality-based label selector: comma-separated requirements, all of which must hold:
/// <c>key=value</c> (or <c>key==value</c>), <c>key!=value</c> (also true when the label is absent), <c>key</c>
/// (present) and <c>!key</c> (absent).
/// </summary>
public sealed partial class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    [GeneratedRegex(@"^(?<not>!)?(?<key>[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?)(\s*(?<op>==|!=|=)\s*(?<value>[A-Za-z0-9._-]*))?$")]
    private static partial Regex RequirementSyntax();

    /// <summary>The parsed selector, or null with PAM021 in <paramref name="diagnostics"/>.</summary>
    public static LabelSelector? Parse(string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var requirements = new List<Requirement>();
        foreach (var part in text.Split(',').Select(p => p.Trim()))
        {
            var match = RequirementSyntax().Match(part);
            if (part.Length == 0 || !match.Success || (match.Groups["not"].Success && match.Groups["op"].Success))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SelectorInvalid, $"--selector '{text}': '{part}' is not a label requirement",
                    "Write comma-separated requirements: key=value, key!=value, key (label present), !key (label absent)."));
                return null;
            }

            var op = match.Groups["op"].Success ? match.Groups["op"].Value : match.Groups["not"].Success ? "!" : "exists";
            requirements.Add(new Requirement(match.Groups["key"].Value, op == "==" ? "=" : op, match.Groups["value"].Value));
        }

        return new LabelSelector(requirements);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return _requirements.All(r => r.Op switch
        {
            "=" => labels.TryGetValue(r.Key, out var v) && v == r.Value,
            "!=" => !labels.TryGetValue(r.Key, out var v) || v != r.Value,
            "!" => !labels.ContainsKey(r.Key),
            _ => labels.ContainsKey(r.Key),
        });
    }

    private sealed record Requirement(string Key, string Op, string Value);
}
