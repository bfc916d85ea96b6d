using System.Text.RegularExpressions;
using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http;

/// <summary>
/// Turns a value taken from PAM data (an id, a name) into one URL path segment: refused when empty, <c>.</c> or
/// <c>..</c>, when it holds <c>/</c>, <c>\</c> or a control character, or when it does not match the vendor's id
/// pattern; escaped otherwise. A refusal is an untrusted answer: the value came from the PAM.
/// </summary>
public static class PathSegment
{
    /// <summary>The escaped segment. <paramref name="pattern"/> (anchored by the caller) is the vendor's id format,
    /// or null for free text such as names.</summary>
    public static string Of(string? value, Regex? pattern, string what)
    {
        if (Refusal(value, pattern) is { } reason)
        {
            throw new PamApiException(ApiErrorKind.UntrustedAnswer,
                $"the PAM answered something pamctl cannot trust: {what} is {reason}, so no request path is built from it");
        }

        return Uri.EscapeDataString(value!);
    }

    /// <summary>Why <paramref name="value"/> cannot be a segment, or null when it can.</summary>
    public static string? Refusal(string? value, Regex? pattern) => value switch
    {
        null or "" => "missing",
        "." or ".." => "a relative path",
        _ when value.Any(c => c is '/' or '\\' || char.IsControl(c)) => "not a single path segment",
        _ when value.Length > 256 => "too long",
        _ when pattern is not null && !pattern.IsMatch(value) => "not in the vendor's id format",
        _ => null,
    };
}
