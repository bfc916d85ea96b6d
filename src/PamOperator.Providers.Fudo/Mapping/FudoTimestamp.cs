using System.Globalization;

namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>Fudo's timestamps are PostgreSQL text (<c>2022-10-27 02:26:22.951762-07</c>), or <c>±infinity</c>.</summary>
internal static class FudoTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFzz", "yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd HH:mm:sszz", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz",
    ];

    /// <summary>The manifest form of a Fudo timestamp: RFC 3339 in UTC (<c>2026-12-31T23:59:59Z</c>); <c>±infinity</c>
    /// and text that is not a timestamp are kept as they are.</summary>
    public static string ToRfc3339(string text) =>
        Parse(text) is { } instant
            ? instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : text;

    /// <summary>The instant, or null for <c>-infinity</c>, <c>infinity</c>, empty or unparseable text.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.EndsWith("infinity", StringComparison.Ordinal))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;
    }
}
