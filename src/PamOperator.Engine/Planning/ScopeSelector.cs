namespace PamOperator.Engine.Planning;

/// <summary>
/// One ownership rule. Matches a live object when its kind is in <see cref="Kinds"/> (empty: any managed kind) and
/// its scope name starts with <see cref="NamePrefix"/> or wholly matches <see cref="NameRegex"/> (set exactly one;
/// both compare case-insensitively, as PAM names are unique case-insensitively). The scope name of a named kind is its
/// PAM name; of an unnamed kind (assignment, grant) the value of its <c>safe</c> key field, else its <c>account</c>
/// key field; an unnamed kind with neither is never matched.
/// </summary>
public sealed record ScopeSelector(IReadOnlyList<string> Kinds, string? NamePrefix = null, string? NameRegex = null)
{
    public static ScopeSelector Prefix(string prefix, params string[] kinds) => new(kinds, NamePrefix: prefix);

    public static ScopeSelector Regex(string regex, params string[] kinds) => new(kinds, NameRegex: regex);
}
