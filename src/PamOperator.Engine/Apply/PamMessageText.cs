using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Core.Security;
using PamOperator.Engine.Execution;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Turns a PAM's refusal into text a user can act on, in manifest vocabulary. Every write error of an apply passes
/// through <see cref="Translate"/> before it is reported, journaled or put in a status:
/// <list type="number">
/// <item>Sanitised: control and bidirectional-override characters become spaces, runs of white space one space, secret
/// values the run resolved are masked (the run's <see cref="SecretRedactor"/>), and so is the value after a
/// secret-looking word (<c>password=...</c>, <c>token: ...</c>).</item>
/// <item>Wire ids become the objects they denote, where the run knows the mapping: every id of the observed state and
/// every id created by this apply is written <c>Kind/name</c> (the manifest's <c>metadata.name</c> for a declared
/// object, the PAM name or natural key otherwise). A vendor word before the id (<c>server 1232...</c>) or quotes around
/// it are folded into the name; an id that is a path segment becomes <c>{Kind/name}</c>. Other ids shorter than 4
/// characters are replaced only after their type's word, so that a number in a sentence is left alone.</item>
/// <item>Wire attribute names of the refused object's kind (<c>server_id</c>) become its spec paths
/// (<c>spec.server</c>), and compound wire type names (<c>user_safe</c>) become kinds.</item>
/// <item>Bounded to <see cref="MaxLength"/> characters.</item>
/// </list>
/// Vendor-neutral: it knows the vendors only through their kind descriptors and the observed state. Thread-safe.
/// </summary>
public sealed partial class PamMessageText
{
    /// <summary>Longest message kept (the rest is cut, and the cut says how much).</summary>
    public const int MaxLength = 400;

    /// <summary>Ids shorter than this are replaced only after their type's word.</summary>
    private const int ShortId = 4;

    /// <summary>Longest raw message looked at (a hostile PAM may answer megabytes).</summary>
    private const int MaxInput = 4096;

    private readonly ConcurrentDictionary<string, List<Named>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectType, KindDescriptor> _kinds = [];
    private readonly Dictionary<string, string> _typeWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(ObjectType, string), string> _declared = [];
    private readonly SecretRedactor? _redactor;

    /// <summary>Knows the ids of <paramref name="live"/>, names declared objects as <paramref name="plan"/> does, and
    /// masks what <paramref name="redactor"/> knows.</summary>
    public PamMessageText(Plan plan, LiveState live, IReadOnlyList<KindDescriptor> kinds, SecretRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(kinds);
        _redactor = redactor;
        foreach (var kind in kinds)
        {
            _kinds.TryAdd(kind.Type, kind);
            if (kind.WireType.Contains('_', StringComparison.Ordinal))
            {
                _typeWords.TryAdd(kind.WireType, kind.Kind);
            }
        }

        foreach (var change in plan.Changes.Where(c => c.Location is not null))
        {
            _declared.TryAdd((change.Type, change.Key.ToUpperInvariant()), NameOf(change));
        }

        foreach (var o in live.All)
        {
            Add(o.ExternalId, new Named(o.Type, Display(o.Type, o.Key)));
        }
    }

    /// <summary>The name a user knows an object of the plan by: <c>Kind/metadata.name</c>.</summary>
    public static string NameOf(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{change.Address.Kind}/{change.Address.Name}";
    }

    /// <summary>Records an id this apply created, so that a later refusal naming it names the object.</summary>
    public void Created(PlanStep step, string? id)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!string.IsNullOrEmpty(id))
        {
            Add(id, new Named(step.Change.Type, NameOf(step.Change)));
        }
    }

    /// <summary>The PAM's <paramref name="message"/> sanitised, bounded and in manifest vocabulary;
    /// <paramref name="step"/> (the refused write, when known) decides which wire attribute names are translated.</summary>
    public string Translate(string? message, PlanStep? step)
    {
        var text = ReplaceIds(Sanitise(message ?? ""));
        var attributes = step is not null && _kinds.GetValueOrDefault(step.Change.SelectedBy ?? step.Change.Type) is { } kind
            ? WireAttributes(kind)
            : [];
        text = Words().Replace(text, m => attributes.GetValueOrDefault(m.Value) ?? _typeWords.GetValueOrDefault(m.Value) ?? m.Value);
        return Bound(text);
    }

    /// <summary>Secrets masked, then at most <see cref="MaxInput"/> long, control characters out, white space
    /// collapsed, and secret-looking values masked.</summary>
    private string Sanitise(string message)
    {
        // Secrets are masked in the message as the PAM sent it, before it is cut or its white space collapsed: a
        // secret that holds white space, or straddles the cut, would otherwise survive in part.
        var masked = _redactor?.Redact(message) ?? message;
        var raw = masked.Length > MaxInput ? masked[..MaxInput] : masked;
        var sb = new StringBuilder(raw.Length);
        var space = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]);
            if (!pair && (char.IsControl(c) || char.IsWhiteSpace(c) || IsBidiControl(c) || char.IsSurrogate(c)))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
            if (pair)
            {
                sb.Append(raw[++i]);
            }
        }

        var text = _redactor?.Redact(sb.ToString()) ?? sb.ToString();
        return SecretLooking().Replace(text, m => m.Groups["word"].Value + m.Groups["sep"].Value + SecretRedactor.Mask);
    }

    /// <summary>Each id-like token that is a known id becomes its object's name; a type word just before it
    /// (<c>server 1232...</c>) is folded into the name, and quotes around it are dropped.</summary>
    private string ReplaceIds(string text)
    {
        var sb = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match m in IdTokens().Matches(text))
        {
            if (!_byId.TryGetValue(m.Groups["id"].Value, out var candidates))
            {
                continue;
            }

            List<Named> named;
            lock (candidates)
            {
                named = [.. candidates];
            }

            if (m.Index > 0 && text[m.Index - 1] == '/')
            {
                // A path segment (PATCH /api/accounts/2_3): a placeholder keeps the path readable as a path.
                sb.Append(text, copied, m.Index - copied).Append('{').Append(Join(named)).Append('}');
                copied = m.Index + m.Length;
                continue;
            }

            var (word, wordStart) = WordBefore(text, m.Index, copied);
            var typed = word is null ? [] : named.Where(n => Denotes(word, n.Type)).ToList();
            if (typed.Count == 0 && m.Groups["id"].Value.Length < ShortId)
            {
                continue;
            }

            var start = typed.Count > 0 ? wordStart : m.Index;
            sb.Append(text, copied, start - copied).Append(Join(typed.Count > 0 ? typed : named));
            copied = m.Index + m.Length;
        }

        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The word (letters and underscores) separated by white space just before <paramref name="index"/>, if
    /// it lies in text not yet replaced.</summary>
    private static (string? Word, int Start) WordBefore(string text, int index, int floor)
    {
        var end = index;
        while (end > floor && text[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > floor && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        var boundary = start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]) && text[start - 1] is not ('_' or '-' or '/' or '.');
        return end < index && start < end && boundary ? (text[start..end], start) : (null, index);
    }

    private bool Denotes(string word, ObjectType type) =>
        string.Equals(word, type.WireType, StringComparison.OrdinalIgnoreCase)
        || _kinds.TryGetValue(type, out var kind) && string.Equals(word, kind.Kind, StringComparison.OrdinalIgnoreCase);

    private static string Join(IEnumerable<Named> named) =>
        string.Join(" or ", named.Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private void Add(string id, Named named)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        var list = _byId.GetOrAdd(id, _ => []);
        lock (list)
        {
            if (!list.Contains(named))
            {
                list.Add(named);
            }
        }
    }

    private string Display(ObjectType type, string key) =>
        _declared.GetValueOrDefault((type, key.ToUpperInvariant()))
        ?? $"{(_kinds.TryGetValue(type, out var kind) ? kind.Kind : Pascal(type.WireType))}/{key}";

    /// <summary>A type no kind describes, named like one: <c>user_group</c> to <c>UserGroup</c>.</summary>
    private static string Pascal(string wireType) =>
        string.Concat(wireType.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>Wire attribute name to <c>spec.path</c>, for the fields whose names differ.</summary>
    private static Dictionary<string, string> WireAttributes(KindDescriptor kind)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(kind.Fields, "spec.", map);
        return map;
    }

    private static void Collect(IReadOnlyList<FieldDescriptor> fields, string prefix, Dictionary<string, string> map)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (field.WireName is { } wire && wire != field.Name)
            {
                map.TryAdd(wire, path);
            }

            Collect(field.Fields, path + ".", map);
        }
    }

    private static string Bound(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = MaxLength;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return $"{text[..cut]}... ({text.Length - cut} more characters)";
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private sealed record Named(ObjectType Type, string Name);

    /// <summary>An id-like token (letters, digits, <c>_</c>, <c>-</c>, and <c>:</c> inside), with the quotes around it
    /// if any.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_:-])(?<q>['""]?)(?<id>[A-Za-z0-9](?:[A-Za-z0-9_:-]*[A-Za-z0-9])?)\k<q>(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex IdTokens();

    /// <summary>A word that may be a wire attribute or type name (not inside a path, a dotted name or an object name).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_./-])[A-Za-z][A-Za-z0-9_]*(?![A-Za-z0-9_/-])", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    /// <summary>A secret-looking word followed by a value: the value is masked.</summary>
    [GeneratedRegex(@"(?<word>\b(?:password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|credentials?)\b)(?<sep>\s*[:=]\s*)(?<value>(?!\(redacted\))[^\s,;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretLooking();
}
