namespace PamOperator.Core.Schema;

/// <summary>
/// The string formats of the manifest vocabulary, as regular expressions valid in both .NET and the ECMAScript
/// flavour that JSON Schema and Kubernetes CRDs use (ASCII classes only, no lookarounds).
/// </summary>
public static class Formats
{
    /// <summary>Time of day <c>HH:MM:SS</c>, 00:00:00 to 23:59:59, plus <c>24:00:00</c> for "end of day".</summary>
    public const string Time = "^(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|24:00:00)$";

    public const string TimeHint = "HH:MM:SS on a 24-hour clock, e.g. 09:00:00 (24:00:00 means end of day)";

    /// <summary>RFC 3339 date-time with an offset or Z.</summary>
    public const string DateTime =
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

    public const string DateTimeHint = "an RFC 3339 date-time, e.g. 2026-01-31T08:00:00Z";

    /// <summary>RFC 3339 date-time, or PostgreSQL's <c>infinity</c> / <c>-infinity</c> (the PAM's "no limit").</summary>
    public const string DateTimeOrInfinity =
        "^(-?infinity|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))$";

    public const string DateTimeOrInfinityHint =
        "an RFC 3339 date-time such as 2026-01-31T08:00:00Z, or infinity / -infinity for no limit";

    /// <summary>OCR languages joined by <c>+</c>, e.g. <c>eng+pol</c>.</summary>
    public const string OcrLanguages =
        "^(eng|pol|deu|hun|nor|rus|ukr)([+](eng|pol|deu|hun|nor|rus|ukr))*$";

    public const string OcrLanguagesHint = "languages from eng, pol, deu, hun, nor, rus, ukr joined by +, e.g. deu+eng+pol";

    /// <summary>An http or https URL.</summary>
    public const string HttpUrl = "^https?://[^\\s/?#]+[^\\s]*$";

    public const string HttpUrlHint = "an absolute http:// or https:// URL, e.g. https://pam.example.com";

    /// <summary>An environment variable name.</summary>
    public const string EnvironmentVariable = "^[A-Za-z_][A-Za-z0-9_]*$";

    /// <summary>The hint for <paramref name="pattern"/> when it is one of the formats above, else null.</summary>
    public static string? HintFor(string? pattern) => pattern switch
    {
        Time => TimeHint,
        DateTime => DateTimeHint,
        DateTimeOrInfinity => DateTimeOrInfinityHint,
        OcrLanguages => OcrLanguagesHint,
        HttpUrl => HttpUrlHint,
        EnvironmentVariable => "letters, digits and _, not starting with a digit, e.g. PAM_API_KEY",
        _ => null,
    };
}
