using System.Text.RegularExpressions;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// Fudo's id format (decimal digits, e.g. <c>1232678819172646915</c>) and the one way to put an id into a request
/// path: a real id is checked and escaped; a batch substitution that pamctl itself made (<c>{s3.safe.id}</c>) is kept.
/// </summary>
internal static partial class FudoIds
{
    [GeneratedRegex("^[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    [GeneratedRegex(@"^\{s[0-9]+\.[a-z_]+\.id\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Substitution();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The path segment for <paramref name="id"/> (<paramref name="what"/> names it in a refusal, e.g.
    /// <c>the id of safe 'prod-db'</c>).</summary>
    public static string Segment(string? id, string what) =>
        id is not null && Substitution().IsMatch(id) ? id : PathSegment.Of(id, Pattern(), what);
}
